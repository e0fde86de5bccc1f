/*
 * Keyboard walks from a position (ei_strength_match.c): rows, columns,
 * diagonals and the keypad, forward or backward, of the layouts in
 * ei_strength_lists.c.
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


static size_t ei_walk_len(const unsigned char *key, size_t avail, size_t at,
    int dir, int capitals, uint32_t *bits);


/*
 * Walks through the key from i: each place of the key's character in the
 * walks is tried, where the next character goes on in that direction and
 * the one before does not lead there.
 */

void
ei_match_walks(ei_search_t *s, size_t i)
{
    int          dir;
    size_t       n, k, j, end;
    unsigned     c, next, before, third, ends;
    uint32_t     bits;

    if (EI_STRENGTH_REFERENCE && i + 1 >= s->len) {
        return;
    }

    c = ei_fold(s->key[i]);
    next = ei_fold(s->key[i + 1]);
    before = (i > 0) ? ei_fold(s->key[i - 1]) : '\0';
    third = (i + 2 < s->len) ? ei_fold(s->key[i + 2]) : '\0';

    end = ei_walk_pair_first[c + 1];

    for (k = ei_walk_pair_first[c]; k < end; k++) {
        if (ei_walk_pair[k] == next) {
            break;
        }
    }

    if (k == end) {
        /* no walk goes from c to next */
        return;
    }

    for (j = ei_walk_step_first[k]; j < ei_walk_step_first[k + 1]; j++) {
        ends = ei_walk_step_ends[j];

        if ((ends & 0xff) == before) {
            /* a walk that goes on from before i is taken where it starts */
            continue;
        }

        if ((ends >> 8) != third) {
            /* the pair alone, shorter than EI_WALK_MIN */
            continue;
        }

        dir = (ei_walk_step[j] & 1) ? -1 : 1;

        n = ei_walk_len(s->key + i, s->len - i, ei_walk_step[j] >> 1, dir,
                        s->capitals, &bits);

        if (n < EI_WALK_MIN) {
            continue;
        }

        bits += EI_WALK_BITS + 2 * ei_log2[n];

        if (dir < 0) {
            bits += EI_REVERSED_BITS;
        }

        ei_relax(s, i, i + n, bits);
    }
}


/*
 * How far the key follows the walk at ei_walks[at], in direction dir, up to
 * a space.  A key without capitals is compared as it is.
 */

static size_t
ei_walk_len(const unsigned char *key, size_t avail, size_t at, int dir,
    int capitals, uint32_t *bits)
{
    size_t       n, last;
    unsigned     c, upper, letters;
    const char  *walk;

    walk = ei_walks + at;
    upper = 0;

    if (!capitals) {
        for (n = 0; n < avail && key[n] == (unsigned char) *walk; n++) {
            walk += dir;
        }

    } else {
        for (n = 0; n < avail; n++, walk += dir) {
            c = key[n];

            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
                upper++;
            }

            if (c != (unsigned char) *walk) {
                break;
            }
        }

        /* the character that ended the walk is not one of it */

        if (n < avail && key[n] >= 'A' && key[n] <= 'Z') {
            upper--;
        }
    }

    if (n < EI_WALK_MIN) {
        /* too short to count: its case does not matter */
        return n;
    }

    /* a walk's letters are lower case, its other characters none */

    last = at + (n - 1) * dir;
    letters = (dir > 0) ? ei_walk_letters[last + 1] - ei_walk_letters[at]
                        : ei_walk_letters[at + 1] - ei_walk_letters[last];

    *bits = ei_case_bits(upper, letters, key[0] >= 'A' && key[0] <= 'Z');

    return n;
}
