/*
 * Denylist of hmacKeys by SHA-256 digest: the file's syntax and the lookup.
 */

#include <stdlib.h>
#include <string.h>

#include "ei_denylist.h"


#define EI_DIGEST_HEX_LEN  (EI_SHA256_LEN * 2)


/*
 * Value of a lowercase hex digit plus one, 0 for any other byte: uppercase
 * is refused so that a file has one spelling per digest, which is what
 * sha256sum and openssl dgst write.
 */
static const unsigned char  ei_hex_value[256] = {
    ['0'] = 1, ['1'] = 2, ['2'] = 3, ['3'] = 4, ['4'] = 5,
    ['5'] = 6, ['6'] = 7, ['7'] = 8, ['8'] = 9, ['9'] = 10,
    ['a'] = 11, ['b'] = 12, ['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
};


static int ei_denylist_scan(const unsigned char *text, size_t len,
    unsigned char (*digests)[EI_SHA256_LEN], size_t *n, size_t *err_line);
static int ei_denylist_digest(const unsigned char *p, size_t len,
    unsigned char *digest);
static int ei_denylist_cmp(const void *a, const void *b);


int
ei_denylist_parse(const unsigned char *text, size_t len, ei_denylist_t *dl,
    size_t *err_line)
{
    size_t           n;
    unsigned char  (*digests)[EI_SHA256_LEN];

    dl->digests = NULL;
    dl->n = 0;

    /* the first pass validates and counts, so that one allocation fits */

    if (ei_denylist_scan(text, len, NULL, &n, err_line) != 0) {
        return -1;
    }

    if (n == 0) {
        return 0;
    }

    digests = malloc(n * sizeof(digests[0]));
    if (digests == NULL) {
        *err_line = 0;
        return -1;
    }

    (void) ei_denylist_scan(text, len, digests, &n, err_line);

    /* sorted once here, so that a lookup is a binary search */

    qsort(digests, n, sizeof(digests[0]), ei_denylist_cmp);

    dl->digests = digests;
    dl->n = n;

    return 0;
}


void
ei_denylist_free(ei_denylist_t *dl)
{
    free(dl->digests);

    dl->digests = NULL;
    dl->n = 0;
}


int
ei_denylist_contains(const ei_denylist_t *dl,
    const unsigned char digest[EI_SHA256_LEN])
{
    int     c;
    size_t  lo, hi, mid;

    if (dl == NULL) {
        return 0;
    }

    /*
     * A binary search over the sorted digests: about 20 comparisons for a
     * million.  What its time could tell a client is where the SHA-256 of
     * the key it sent itself falls among digests of keys that are known to
     * be compromised; neither is a secret the gateway keeps.
     */

    lo = 0;
    hi = dl->n;

    while (lo < hi) {
        mid = lo + (hi - lo) / 2;
        c = memcmp(dl->digests[mid], digest, EI_SHA256_LEN);

        if (c == 0) {
            return 1;
        }

        if (c < 0) {
            lo = mid + 1;

        } else {
            hi = mid;
        }
    }

    return 0;
}


/*
 * Walks the lines; stores the digests when digests is not NULL.  Sets *n to
 * the number of digests, or *err_line and returns -1 at the first bad line.
 */
static int
ei_denylist_scan(const unsigned char *text, size_t len,
    unsigned char (*digests)[EI_SHA256_LEN], size_t *n, size_t *err_line)
{
    size_t                start, end, next, line;
    const unsigned char  *nl;

    *n = 0;
    line = 0;

    for (start = 0; start < len; start = next) {
        line++;

        nl = memchr(text + start, '\n', len - start);
        end = (nl == NULL) ? len : (size_t) (nl - text);
        next = end + 1;

        /* files written on Windows end their lines with CR LF */

        if (end > start && text[end - 1] == '\r') {
            end--;
        }

        while (start < end && (text[start] == ' ' || text[start] == '\t')) {
            start++;
        }

        while (end > start && (text[end - 1] == ' ' || text[end - 1] == '\t')) {
            end--;
        }

        if (start == end || text[start] == '#') {
            continue;
        }

        if (ei_denylist_digest(text + start, end - start,
                               digests ? digests[*n] : NULL)
            != 0)
        {
            *err_line = line;
            return -1;
        }

        (*n)++;
    }

    return 0;
}


static int
ei_denylist_cmp(const void *a, const void *b)
{
    return memcmp(a, b, EI_SHA256_LEN);
}


static int
ei_denylist_digest(const unsigned char *p, size_t len, unsigned char *digest)
{
    size_t         i;
    unsigned char  hi, lo;

    if (len != EI_DIGEST_HEX_LEN) {
        return -1;
    }

    for (i = 0; i < EI_SHA256_LEN; i++) {
        hi = ei_hex_value[p[2 * i]];
        lo = ei_hex_value[p[2 * i + 1]];

        if (hi == 0 || lo == 0) {
            return -1;
        }

        if (digest != NULL) {
            digest[i] = (unsigned char) (((hi - 1) << 4) | (lo - 1));
        }
    }

    return 0;
}
