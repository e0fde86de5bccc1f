/*
 * JSON escapes of the strings the gateway writes back: the canonical body
 * forwarded upstream, and member names shown in error texts.
 */

#include <stdint.h>
#include <string.h>

#include "ei_escape.h"


/* the bytes JSON requires to be escaped in a string */
static const unsigned char  ei_escape_needed[256] = {
    [0x00] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    [0x10] = 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    ['"'] = 1, ['\\'] = 1,
};


/* a byte of each value in a word of eight */
#define EI_BYTES(b)  ((uint64_t) 0x0101010101010101ULL * (b))


static size_t ei_escape_plain(const unsigned char *s, size_t len);


/* JSON's escapes of control characters that have a short form */
static const char  ei_escape_short[0x20] = {
    ['\b'] = 'b', ['\t'] = 't', ['\n'] = 'n', ['\f'] = 'f', ['\r'] = 'r',
};


/*
 * The code point at p, and its length in *n.  jansson has checked the
 * UTF-8; anything else is taken one byte at a time as U+FFFD.
 */
unsigned long
ei_utf8_decode(const unsigned char *p, size_t len, size_t *n)
{
    if (p[0] < 0x80) {
        *n = 1;
        return p[0];
    }

    if (p[0] >= 0xc2 && p[0] <= 0xdf && len >= 2) {
        *n = 2;
        return ((unsigned long) (p[0] & 0x1f) << 6) | (p[1] & 0x3f);
    }

    if (p[0] >= 0xe0 && p[0] <= 0xef && len >= 3) {
        *n = 3;
        return ((unsigned long) (p[0] & 0x0f) << 12)
               | ((unsigned long) (p[1] & 0x3f) << 6) | (p[2] & 0x3f);
    }

    if (p[0] >= 0xf0 && p[0] <= 0xf4 && len >= 4) {
        *n = 4;
        return ((unsigned long) (p[0] & 0x07) << 18)
               | ((unsigned long) (p[1] & 0x3f) << 12)
               | ((unsigned long) (p[2] & 0x3f) << 6) | (p[3] & 0x3f);
    }

    *n = 1;
    return 0xfffd;
}


/*
 * JSON's escapes of '"', '\' and control characters, and \u escapes of
 * DEL, the C1 controls, the bidirectional controls and the line and
 * paragraph separators, which would otherwise act on a log or a terminal
 * that shows the text.  out holds 6 bytes for each byte of s.
 */
size_t
ei_escape_name(char *out, const unsigned char *s, size_t len)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, n, k, o;
    unsigned long      c;

    o = 0;

    for (i = 0; i < len; i += n) {
        c = ei_utf8_decode(s + i, len - i, &n);

        if (c == '"' || c == '\\') {
            out[o++] = '\\';
            out[o++] = (char) c;
            continue;
        }

        if (c < 0x20 && ei_escape_short[c]) {
            out[o++] = '\\';
            out[o++] = ei_escape_short[c];
            continue;
        }

        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)
            || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
        {
            out[o++] = '\\';
            out[o++] = 'u';
            out[o++] = hex[(c >> 12) & 0xf];
            out[o++] = hex[(c >> 8) & 0xf];
            out[o++] = hex[(c >> 4) & 0xf];
            out[o++] = hex[c & 0xf];
            continue;
        }

        for (k = 0; k < n; k++) {
            out[o++] = (char) s[i + k];
        }
    }

    return o;
}


/*
 * Only what JSON requires is escaped: '"', '\' and control characters, the
 * last never met once the rules on name and key have passed.  Returns NULL
 * when p is NULL or end would be passed.
 */
unsigned char *
ei_escape_json(unsigned char *p, unsigned char *end, const unsigned char *s,
    size_t len)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, run;

    if (p == NULL) {
        return NULL;
    }

    for (i = 0; i < len; i++) {

        /* the bytes written as they are, at once */

        run = i + ei_escape_plain(s + i, len - i);

        if (run > i) {
            if ((size_t) (end - p) < run - i) {
                return NULL;
            }

            memcpy(p, s + i, run - i);
            p += run - i;
            i = run;

            if (i == len) {
                break;
            }
        }

        if (end - p < 6) {
            return NULL;
        }

        if (s[i] == '"' || s[i] == '\\') {
            *p++ = '\\';
            *p++ = s[i];

        } else if (s[i] < 0x20 && ei_escape_short[s[i]]) {
            *p++ = '\\';
            *p++ = (unsigned char) ei_escape_short[s[i]];

        } else if (s[i] < 0x20) {
            *p++ = '\\';
            *p++ = 'u';
            *p++ = '0';
            *p++ = '0';
            *p++ = (unsigned char) hex[s[i] >> 4];
            *p++ = (unsigned char) hex[s[i] & 0xf];
        }
    }

    return p;
}


/*
 * How many bytes from s on JSON writes as they are: eight at a time while
 * none of them is '"', '\' or below 0x20 (the usual bit tests for a byte
 * that is zero, or less than a value up to 0x80, in a word: exact for
 * "any"), then one by one.
 */

static size_t
ei_escape_plain(const unsigned char *s, size_t len)
{
    size_t    n;
    uint64_t  v, q, b;

    for (n = 0; len - n >= 8; n += 8) {
        memcpy(&v, s + n, 8);

        q = v ^ EI_BYTES('"');
        b = v ^ EI_BYTES('\\');

        if ((((q - EI_BYTES(1)) & ~q) | ((b - EI_BYTES(1)) & ~b)
             | ((v - EI_BYTES(0x20)) & ~v))
            & EI_BYTES(0x80))
        {
            break;
        }
    }

    while (n < len && !ei_escape_needed[s[n]]) {
        n++;
    }

    return n;
}
