/*
 * SHA-256 of hmacKeys, fingerprints and cleansing, over OpenSSL 3.
 */

#include <string.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "ei_crypto.h"


/*
 * Fetched once: an implicit fetch in every EVP_Digest() call would search
 * the provider store for each request.
 */
static EVP_MD  *ei_sha256_md;

/*
 * One digest context for the process, set up once: EVP_DigestInit_ex2 on a
 * context that already holds SHA-256's state only resets it, where
 * EVP_Digest() allocates, sets up and frees one for every digest (about
 * 1,400 instructions).  nginx workers digest one key at a time.
 */
static EVP_MD_CTX  *ei_sha256_ctx;

/* configurations that use it: nginx frees an old one after loading a new */
static unsigned  ei_crypto_users;


int
ei_crypto_init(void)
{
    if (ei_sha256_md == NULL) {
        ei_sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);

        if (ei_sha256_md == NULL) {
            return -1;
        }
    }

    ei_crypto_users++;

    return 0;
}


void
ei_crypto_release(void)
{
    if (ei_crypto_users > 0 && --ei_crypto_users > 0) {
        return;
    }

    EVP_MD_CTX_free(ei_sha256_ctx);
    ei_sha256_ctx = NULL;

    EVP_MD_free(ei_sha256_md);
    ei_sha256_md = NULL;
}


int
ei_sha256(const unsigned char *data, size_t len,
    unsigned char out[EI_SHA256_LEN])
{
    if (ei_sha256_begin() != 0 || ei_sha256_update(data, len) != 0) {
        return -1;
    }

    return ei_sha256_end(out);
}


int
ei_sha256_begin(void)
{
    if (ei_sha256_md == NULL) {
        /* outside a configuration (unit tests, fuzzing): fetched for good */

        ei_sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);

        if (ei_sha256_md == NULL) {
            return -1;
        }
    }

    if (ei_sha256_ctx == NULL) {
        ei_sha256_ctx = EVP_MD_CTX_new();

        if (ei_sha256_ctx == NULL) {
            return -1;
        }
    }

    return (EVP_DigestInit_ex2(ei_sha256_ctx, ei_sha256_md, NULL) == 1) ? 0
                                                                         : -1;
}


int
ei_sha256_update(const unsigned char *data, size_t len)
{
    return (EVP_DigestUpdate(ei_sha256_ctx, data, len) == 1) ? 0 : -1;
}


int
ei_sha256_end(unsigned char out[EI_SHA256_LEN])
{
    unsigned int  n;

    if (EVP_DigestFinal_ex(ei_sha256_ctx, out, &n) != 1
        || n != EI_SHA256_LEN)
    {
        return -1;
    }

    return 0;
}


void
ei_fingerprint(const unsigned char digest[EI_SHA256_LEN],
    char out[EI_FINGERPRINT_LEN + 1])
{
    static const char  prefix[] = "sha256:";
    static const char  hex[] = "0123456789abcdef";
    size_t             i, n;

    n = sizeof(prefix) - 1;
    memcpy(out, prefix, n);

    /* 16 hex digits: enough to tell keys apart in logs, too few to matter */

    for (i = 0; i < 8; i++) {
        out[n++] = hex[digest[i] >> 4];
        out[n++] = hex[digest[i] & 0xf];
    }

    out[n] = '\0';
}


void
ei_cleanse(void *p, size_t len)
{
    OPENSSL_cleanse(p, len);
}
