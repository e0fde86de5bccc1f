/*
 * libFuzzer target over the masking of the server-held API key in what the
 * upstream sends back (src/ei_redact.c), fed as the response filter feeds
 * it: the response in pieces of random sizes (empty ones too), the bytes
 * kept back from one piece going out before the next, as
 * src/ngx/ngx_http_ei_hmac_mask.c does.
 *
 * Input: one byte giving the key's length (1 to 48), one byte seeding the
 * piece sizes, the key, then the response.  In the response, 0xFE n
 * stands for the key's first n % klen + 1 bytes and 0xFF n for its last
 * n % klen + 1 bytes, so that keys cut at every place meet piece borders
 * without the fuzzer having to find them byte by byte.
 *
 * Invariants, each an abort():
 *   - what goes out is exactly as long as the response;
 *   - it holds no occurrence of the key (the mask, '*' or a space, is no
 *     byte of the key, which never holds both);
 *   - each byte is the response's, or the mask inside an occurrence of the
 *     key in the response;
 *   - no more than klen - 1 bytes are ever kept back, none after the last
 *     piece;
 *   - masking the whole response at once masks the same bytes
 *     (ei_redact_all agrees with the stream, whatever the pieces).
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ei_redact.h"


#define KEY_MAX  48
#define RESP_MAX 65536


static void
invariant(int ok, const char *what)
{
    if (!ok) {
        fprintf(stderr, "invariant failed: %s\n", what);
        abort();
    }
}


/* the response: 0xFE/0xFF n expand to a prefix/suffix of the key */

static size_t
expand(const uint8_t *p, size_t n, const uint8_t *key, size_t klen,
    uint8_t *out)
{
    size_t  i, o, m;

    for (i = 0, o = 0; i < n && o + KEY_MAX < RESP_MAX; i++) {
        if ((p[i] == 0xFE || p[i] == 0xFF) && i + 1 < n) {
            m = p[i + 1] % klen + 1;
            memcpy(out + o, p[i] == 0xFE ? key : key + klen - m, m);
            o += m;
            i++;
            continue;
        }

        out[o++] = p[i];
    }

    return o;
}


/* 1 when out[i] lies inside some occurrence of key in resp */

static int
in_occurrence(const uint8_t *resp, size_t n, const uint8_t *key, size_t klen,
    size_t i)
{
    size_t  s, from;

    from = (i + 1 >= klen) ? i + 1 - klen : 0;

    for (s = from; s <= i && s + klen <= n; s++) {
        if (memcmp(resp + s, key, klen) == 0) {
            return 1;
        }
    }

    return 0;
}


/* the stream, as the body filter runs it; returns the bytes sent */

static size_t
stream(const uint8_t *resp, size_t n, const uint8_t *key, size_t klen,
    uint32_t seed, uint8_t *sent)
{
    size_t   at, len, t, h, emit, o;
    uint8_t  hold[KEY_MAX], *buf;
    int      last;

    h = 0;
    o = 0;
    at = 0;

    do {
        seed = seed * 1103515245u + 12345u;
        len = (seed >> 16) % (2 * klen + 3);
        len = (len > n - at) ? n - at : len;
        last = (at + len == n) && ((seed >> 8) & 1);

        buf = malloc(len ? len : 1);
        invariant(buf != NULL, "memory");
        memcpy(buf, resp + at, len);

        t = ei_redact_piece(key, klen, hold, h, len ? buf : NULL, len, last);

        invariant(t <= h + len && t < klen, "kept back at most klen - 1");
        invariant(!last || t == 0, "nothing kept back after the last piece");

        emit = h - (t - (t < len ? t : len));
        memcpy(sent + o, hold, emit);
        o += emit;

        if (t <= len) {
            memcpy(sent + o, buf, len - t);
            o += len - t;
            memcpy(hold, buf + len - t, t);

        } else {
            memmove(hold, hold + h + len - t, t - len);
            memcpy(hold + t - len, buf, len);
        }

        h = t;
        at += len;
        free(buf);

    } while (!last);

    return o;
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t          klen, n, o, i;
    uint8_t         mask;
    uint32_t        seed;
    const uint8_t  *key;
    static uint8_t  resp[RESP_MAX], sent[RESP_MAX], whole[RESP_MAX];

    if (size < 3) {
        return 0;
    }

    klen = data[0] % KEY_MAX + 1;
    seed = data[1];

    if (size < 2 + klen) {
        return 0;
    }

    key = data + 2;
    n = expand(data + 2 + klen, size - 2 - klen, key, klen, resp);

    o = stream(resp, n, key, klen, seed, sent);

    invariant(o == n, "as long as the response");

    mask = ei_redact_mask(key, klen);

    /* an API key never holds a space: then the mask may be one of its bytes */

    for (i = 0; i + klen <= n && !memchr(key, mask, klen); i++) {
        invariant(memcmp(sent + i, key, klen) != 0, "no key in what is sent");
    }

    for (i = 0; i < n; i++) {
        invariant(sent[i] == resp[i]
                  || (sent[i] == mask
                      && in_occurrence(resp, n, key, klen, i)),
                  "only bytes of the key are masked");
    }

    memcpy(whole, resp, n);
    (void) ei_redact_all(key, klen, whole, n);
    invariant(memcmp(whole, sent, n) == 0, "the stream masks as a whole");

    return 0;
}
