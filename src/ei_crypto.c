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

    EVP_MD_free(ei_sha256_md);
    ei_sha256_md = NULL;
}


int
ei_sha256(const unsigned char *data, size_t len,
    unsigned char out[EI_SHA256_LEN])
{
    unsigned int  n;

    if (ei_sha256_md == NULL) {
        /* outside a configuration (unit tests, fuzzing): fetched for good */

        ei_sha256_md = EVP_MD_fetch(NULL, "SHA256", NULL);

        if (ei_sha256_md == NULL) {
            return -1;
        }
    }

    if (EVP_Digest(data, len, out, &n, ei_sha256_md, NULL) != 1
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
