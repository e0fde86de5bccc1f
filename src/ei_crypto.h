/*
 * Digests used by the gateway, with the algorithm fetched once.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_CRYPTO_H
#define EI_CRYPTO_H

#include <stddef.h>

#include "ei_denylist.h"


/*
 * Fetches SHA-256 once for every user (a loaded configuration); returns 0,
 * or -1 when OpenSSL cannot provide it.  Each successful call is paired with
 * ei_crypto_release(), and the last release frees it.
 */
int ei_crypto_init(void);
void ei_crypto_release(void);

/* returns 0, or -1 on failure */
int ei_sha256(const unsigned char *data, size_t len,
    unsigned char out[EI_SHA256_LEN]);

/*
 * The same in pieces, through one context reused for the process: begin,
 * any number of updates, end; each returns 0, or -1 on failure.
 */
int ei_sha256_begin(void);
int ei_sha256_update(const unsigned char *data, size_t len);
int ei_sha256_end(unsigned char out[EI_SHA256_LEN]);

/* "sha256:" and the first 16 hex digits of the digest, NUL-terminated */
#define EI_FINGERPRINT_LEN  (sizeof("sha256:") - 1 + 16)

void ei_fingerprint(const unsigned char digest[EI_SHA256_LEN],
    char out[EI_FINGERPRINT_LEN + 1]);

/* OPENSSL_cleanse */
void ei_cleanse(void *p, size_t len);

#endif /* EI_CRYPTO_H */
