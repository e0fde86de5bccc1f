/*
 * Differential libFuzzer target of the hmacKey strength estimate: the fast
 * path of src/ (the bound, the glance that points the matchers at the
 * positions where a pattern may start, the hash chains of repeats) against
 * a reference built from the same files with EI_STRENGTH_REFERENCE 1 (no
 * bound, every matcher at every position, repeats at every period).  The
 * patterns and their costs are the same; what the reference leaves out is
 * everything that makes the estimate linear.
 *
 * Input: its first byte chooses how the rest makes the key, up to 1024
 * bytes (the largest ei_hmac_key_max_length):
 *   even   raw: each byte mapped onto printable ASCII;
 *   odd    a recipe: pieces of a person's key, each op byte followed by
 *          its arguments: a literal, the last piece again, a word of the
 *          dictionary (capitalized, upper case, backward, leet), a stretch
 *          of a keyboard walk, a year or a date, an ASCII sequence, hex
 *          digits, a run of one character.
 *
 * Invariant, an abort(): both give the same number of bits, hence the
 * same verdict under any ei_hmac_key_min_bits.
 */

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ei_strength.h"


#include "../unit/ei_strength_ref.h"


#define KEY_MAX  1024


typedef struct {
    const uint8_t  *in;
    size_t          left;
    unsigned char   key[KEY_MAX];
    size_t          len;
    size_t          piece;          /* where the last piece starts */
} recipe_t;


static unsigned
next(recipe_t *r)
{
    if (r->left == 0) {
        return 0;
    }

    r->left--;

    return *r->in++;
}


static void
put(recipe_t *r, unsigned c)
{
    if (r->len < KEY_MAX) {
        r->key[r->len++] = (unsigned char) c;
    }
}


static unsigned
printable(unsigned b)
{
    return 0x21 + b % 94;
}


static unsigned
leet_for(unsigned letter)
{
    unsigned  c;

    for (c = 0x21; c < 0x7f; c++) {
        if (ei_leet[c][0] == (char) letter) {
            return c;
        }
    }

    return letter;
}


static void
put_word(recipe_t *r)
{
    size_t       n, i, k;
    unsigned     how, c;
    const char  *w;

    k = (next(r) << 8 | next(r)) % ei_words_count;
    how = next(r);
    w = ei_words[k].word;
    n = strlen(w);

    for (i = 0; i < n; i++) {
        c = (unsigned char) w[(how & 4) ? n - 1 - i : i];

        if ((how & 2) || ((how & 1) && i == 0)) {
            c -= 'a' - 'A';

        } else if ((how & 8) && ((how >> 4) & 1) == (i & 1)) {
            c = leet_for(c);
        }

        put(r, c);
    }
}


static void
put_walk(recipe_t *r)
{
    size_t    at, n, i, w;
    unsigned  how, c;

    w = strlen(ei_walks);
    at = (next(r) << 8 | next(r)) % w;
    how = next(r);
    n = 3 + how % 12;

    for (i = 0; i < n; i++) {
        if (ei_walks[at] == ' ') {
            break;
        }

        c = (unsigned char) ei_walks[at];

        if ((how & 0x80) && c >= 'a' && c <= 'z') {
            c -= 'a' - 'A';
        }

        put(r, c);

        if (how & 0x40) {
            if (at == 0) {
                break;
            }

            at--;

        } else {
            at++;
        }
    }
}


static void
put_number(recipe_t *r, unsigned v, unsigned width)
{
    char    buf[8];
    size_t  i;

    snprintf(buf, sizeof(buf), "%0*u", (int) width, v % 10000);

    for (i = 0; buf[i] != '\0'; i++) {
        put(r, (unsigned char) buf[i]);
    }
}


/* the fields of a date in the order of form, each joined by sep or not */

static void
put_fields(recipe_t *r, const unsigned *v, const unsigned *w, unsigned sep)
{
    unsigned  i;

    for (i = 0; i < 3; i++) {
        if (i > 0 && sep != 0) {
            put(r, sep);
        }

        put_number(r, v[i], w[i]);
    }
}


static void
put_date(recipe_t *r)
{
    unsigned  year, month, day, how, sep, form;
    unsigned  v[3], w[3];

    year = 1890 + next(r);
    month = next(r) % 14;
    day = next(r) % 33;
    how = next(r);
    sep = "-/._+"[how % 5];

    if (how & 0x80) {
        put_number(r, year, 4);
        return;
    }

    if ((how & 0x40) == 0) {
        sep = 0;
    }

    /* year month day, day month year, month day year */

    form = (how >> 3) % 3;
    v[0] = (form == 0) ? year : (form == 1) ? day : month;
    v[1] = (form == 0) ? month : (form == 1) ? month : day;
    v[2] = (form == 0) ? day : year;
    w[0] = (form == 0) ? 4 : 2;
    w[1] = 2;
    w[2] = (form == 0) ? 2 : 4;

    put_fields(r, v, w, sep);
}


static void
make_key(recipe_t *r)
{
    size_t    start, n, i, end;
    unsigned  op, c, step;

    while (r->left > 0 && r->len < KEY_MAX) {
        op = next(r);
        start = r->len;

        switch (op % 8) {

        case 0:                             /* a literal */
            for (n = 1 + next(r) % 16; n > 0; n--) {
                put(r, printable(next(r)));
            }
            break;

        case 1:                             /* the last piece again */
            end = r->len;

            for (n = 1 + next(r) % 64; n > 0; n--) {
                for (i = r->piece; i < end; i++) {
                    put(r, r->key[i]);
                }
            }

            start = r->piece;
            break;

        case 2:
            put_word(r);
            break;

        case 3:
            put_walk(r);
            break;

        case 4:
            put_date(r);
            break;

        case 5:                             /* an ASCII sequence */
            c = printable(next(r));
            step = next(r);

            for (n = 3 + step % 20; n > 0 && c >= 0x21 && c <= 0x7e; n--) {
                put(r, c);
                c = (step & 0x80) ? c - 1 : c + 1;
            }
            break;

        case 6:                             /* hex digits */
            for (n = 1 + next(r) % 32; n > 0; n--) {
                c = next(r);
                put(r, "0123456789abcdef"[c >> 4]);
                put(r, "0123456789abcdef"[c & 15]);
            }
            break;

        default:                            /* a run */
            c = printable(next(r));

            for (n = 1 + next(r) % 64; n > 0; n--) {
                put(r, c);
            }
        }

        r->piece = start;
    }
}


int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t     i;
    unsigned   fast, ref;
    recipe_t   r;

    if (size == 0) {
        return 0;
    }

    memset(&r, 0, sizeof(r));
    r.in = data + 1;
    r.left = size - 1;

    if ((data[0] & 1) == 0) {
        for (i = 1; i < size && r.len < KEY_MAX; i++) {
            put(&r, printable(data[i]));
        }

    } else {
        make_key(&r);
    }

    if (r.len == 0) {
        return 0;
    }

    fast = ei_strength_bits(r.key, r.len);
    ref = ei_ref_strength_bits(r.key, r.len);

    if (fast != ref) {
        fprintf(stderr, "invariant failed: %u bits on the fast path, %u by "
                "the reference, for the key of %zu bytes \"%.*s\"\n",
                fast, ref, r.len, (int) r.len, r.key);
        abort();
    }

    return 0;
}
