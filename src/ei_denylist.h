/*
 * Denylist of hmacKeys by SHA-256 digest (ei_hmac_key_denylist).
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_DENYLIST_H
#define EI_DENYLIST_H

#include <stddef.h>


#define EI_SHA256_LEN  32


typedef struct {
    unsigned char  (*digests)[EI_SHA256_LEN];   /* sorted, bytewise */
    size_t           n;
} ei_denylist_t;


/*
 * Parses the text of a denylist file: one lowercase hex SHA-256 digest a line
 * (64 characters), blank lines and lines starting with '#' ignored, leading and
 * trailing spaces/tabs and a trailing CR tolerated.  On success fills dl
 * (digests from malloc, sorted, free with ei_denylist_free) and returns 0.
 * On error returns -1 and sets *err_line to the 1-based line at fault.
 */
int ei_denylist_parse(const unsigned char *text, size_t len, ei_denylist_t *dl,
    size_t *err_line);

void ei_denylist_free(ei_denylist_t *dl);

/*
 * 1 when the SHA-256 digest is listed, 0 otherwise: a binary search,
 * O(log n) for n digests.
 */
int ei_denylist_contains(const ei_denylist_t *dl,
    const unsigned char digest[EI_SHA256_LEN]);

#endif /* EI_DENYLIST_H */
