/*
 * Digests used by the gateway, with the algorithm fetched once.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_CRYPTO_H
#define EI_CRYPTO_H

#include <stddef.h>

#include "ei_denylist.h"


/* fetches SHA-256 once; returns 0, or -1 when OpenSSL cannot provide it */
int ei_crypto_init(void);

/* returns 0, or -1 on failure */
int ei_sha256(const unsigned char *data, size_t len,
    unsigned char out[EI_SHA256_LEN]);

/* "sha256:" and the first 16 hex digits of the digest, NUL-terminated */
#define EI_FINGERPRINT_LEN  (sizeof("sha256:") - 1 + 16)

void ei_fingerprint(const unsigned char digest[EI_SHA256_LEN],
    char out[EI_FINGERPRINT_LEN + 1]);

/* OPENSSL_cleanse */
void ei_cleanse(void *p, size_t len);

#endif /* EI_CRYPTO_H */
