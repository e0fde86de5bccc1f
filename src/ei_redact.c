/*
 * Streaming redaction of the API key.  The stream is seen as the bytes
 * kept back from the previous piece followed by the new piece; the key is
 * short (a header value), so a direct search is cheap.
 */

#include <string.h>

#include "ei_redact.h"


static size_t ei_redact_run(const unsigned char *key, size_t klen,
    unsigned char *p, size_t n, size_t *end_of_last);


unsigned char
ei_redact_mask(const unsigned char *key, size_t klen)
{
    return memchr(key, EI_REDACT_MASK, klen) ? EI_REDACT_MASK_ALT
                                             : EI_REDACT_MASK;
}


/* p[0..n) equals the lowercase letters of s, in any letter case */

static int
ei_redact_caseeq(const unsigned char *p, size_t n, const char *s)
{
    size_t  i;

    for (i = 0; i < n; i++) {
        if (s[i] == '\0' || (p[i] | 0x20) != (unsigned char) s[i]) {
            return 0;
        }
    }

    return s[n] == '\0';
}


static unsigned char *
ei_redact_at(unsigned char *hold, size_t h, unsigned char *buf, size_t i)
{
    return (i < h) ? &hold[i] : &buf[i - h];
}


size_t
ei_redact_piece(const unsigned char *key, size_t klen, unsigned char *hold,
    size_t h, unsigned char *buf, size_t n, int last)
{
    size_t          i, j, total, t, end, off, e;
    unsigned char  *m, mask;

    if (klen == 0) {
        return 0;
    }

    total = h + n;
    mask = ei_redact_mask(key, klen);

    /*
     * every occurrence that starts in the kept-back bytes, then those in
     * the new piece, from the left and never overlapping, as
     * ei_redact_all() masks
     */

    end = 0;

    for (i = 0; i < h && i + klen <= total; i++) {
        for (j = 0; j < klen; j++) {
            if (*ei_redact_at(hold, h, buf, i + j) != key[j]) {
                break;
            }
        }

        if (j == klen) {
            for (j = 0; j < klen; j++) {
                *ei_redact_at(hold, h, buf, i + j) = mask;
            }

            end = i + klen;
            i = end - 1;
        }
    }

    off = (end > h) ? end - h : 0;

    if (ei_redact_run(key, klen, buf ? buf + off : NULL, n - off, &e)) {
        end = h + off + e;
    }

    if (last) {
        return 0;
    }

    /* the longest tail that is a proper prefix of the key is kept back */

    t = (klen - 1 < total) ? klen - 1 : total;

    /* nor may it begin in what was masked: a mask is no key's prefix */

    if (t > total - end) {
        t = total - end;
    }

    if (t == 0) {
        return 0;
    }

    if (t <= n) {
        /*
         * the tail is all in the new piece: it can only start at a place
         * of the key's first byte, which is usually nowhere in it
         */

        for (m = buf + n - t; /* void */ ; m++) {
            m = memchr(m, key[0], buf + n - m);

            if (m == NULL) {
                return 0;
            }

            if (memcmp(m, key, buf + n - m) == 0) {
                return buf + n - m;
            }
        }
    }

    for ( /* void */ ; t > 0; t--) {
        for (j = 0; j < t; j++) {
            if (*ei_redact_at(hold, h, buf, total - t + j) != key[j]) {
                break;
            }
        }

        if (j == t) {
            break;
        }
    }

    return t;
}


size_t
ei_redact_all(const unsigned char *key, size_t klen, unsigned char *p,
    size_t n)
{
    size_t  end;

    return ei_redact_run(key, klen, p, n, &end);
}


/*
 * Masks the occurrences of key in p[0..n), from the left, never
 * overlapping; *end is the offset just past the last one masked.
 */

static size_t
ei_redact_run(const unsigned char *key, size_t klen, unsigned char *p,
    size_t n, size_t *end_of_last)
{
    size_t          count;
    unsigned char  *m, *start, *end, mask;

    *end_of_last = 0;

    if (klen == 0 || n < klen) {
        return 0;
    }

    mask = ei_redact_mask(key, klen);

    count = 0;
    start = p;
    end = p + n;

    while ((size_t) (end - p) >= klen) {
        m = memchr(p, key[0], end - p - klen + 1);

        if (m == NULL) {
            break;
        }

        if (memcmp(m, key, klen) == 0) {
            memset(m, mask, klen);
            count++;
            p = m + klen;
            *end_of_last = p - start;

        } else {
            p = m + 1;
        }
    }

    return count;
}


/*
 * A Content-Encoding or Transfer-Encoding value is a comma-separated list;
 * every element must be the one coding the filters can read through (or
 * empty, which codes nothing).
 */

int
ei_codings_only(const unsigned char *v, size_t n, const char *coding)
{
    size_t  i, c, s, e;

    for (i = 0; i <= n; i = c + 1) {

        for (c = i; c < n && v[c] != ','; c++) { /* void */ }

        /* the element v[s..e), without the white space around it */

        for (s = i; s < c && (v[s] == ' ' || v[s] == '\t'); s++) { /* void */ }

        for (e = c; e > s && (v[e - 1] == ' ' || v[e - 1] == '\t'); e--) {
            /* void */
        }

        if (e > s && !ei_redact_caseeq(v + s, e - s, coding)) {
            return 0;
        }
    }

    return 1;
}
