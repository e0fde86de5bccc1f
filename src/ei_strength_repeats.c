/*
 * Repeats of an earlier block ("abcabc", "aaaa") and steps of one
 * ("abcd", "4321", "a1b2c3") from a position (ei_strength_match.c).
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


static void ei_offer_repeat(ei_search_t *s, size_t i, size_t p, size_t n,
    size_t *last);
static void ei_match_repeats_everywhere(ei_search_t *s, size_t i);


/*
 * Repeats of the block p characters back ("abcabc", "aaaa" with p = 1),
 * as long as they go: the period and the length name them.  A repeat of
 * EI_REPEAT_MIN characters or more starts with a block of three seen
 * before, so only the places chained with i are tried, nearest first, up
 * to EI_REPEAT_PERIOD back, until EI_REPEAT_TRIES of them go on from
 * EI_REPEAT_ON characters before i or more: a block whose first
 * characters come again inside it, or by chance in a key of few
 * characters, is still found at its own period, behind the nearer
 * places.  A repeat is taken only where it starts, not again from each of
 * its characters, so that each is compared once: the search is linear in
 * the key's length.
 */

void
ei_match_repeats(ei_search_t *s, size_t i)
{
    size_t                j, p, n, last, tries, ons;
    const unsigned char  *key;

    key = s->key;
    last = 0;
    tries = 0;
    ons = 0;

    if (EI_STRENGTH_REFERENCE) {
        ei_match_repeats_everywhere(s, i);
        return;
    }

    for (j = s->prev[i]; j != 0; j = s->prev[j - 1]) {
        p = i + 1 - j;

        if (p > EI_REPEAT_PERIOD) {
            break;
        }

        if (!ei_block_again(key, i, p)) {
            /* another block of the same hash */
            continue;
        }

        if (ei_repeat_goes_on(key, i, p)) {
            /* taken where it starts; within a long repeat, nothing starts */

            ons++;

            if (ei_block_goes_on_long(key, i, p)
                && ++tries == EI_REPEAT_TRIES)
            {
                break;
            }

            continue;
        }

        n = ei_repeat_len(key, s->len, i, p, EI_REPEAT_MIN);

        if (ons >= EI_REPEAT_TRIES && n < EI_REPEAT_ON) {
            /* behind repeats that may be chance, only a long one */
            continue;
        }

        ei_offer_repeat(s, i, p, n, &last);
    }
}


/*
 * The same in a long window of few characters, whose glance kept the
 * periods to try at i (ei_repeats_tiny()): the same places, in the same
 * order, as along the chains
 */

void
ei_match_repeats_tiny(ei_search_t *s, size_t i)
{
    size_t                p, last;
    uint64_t              tries;
    const unsigned char  *key;

    key = s->key;
    last = 0;

    for (tries = s->tries[i]; tries != 0; tries &= tries - 1) {
        p = (size_t) __builtin_ctzll(tries) + 1;

        ei_offer_repeat(s, i, p, ei_repeat_len(key, s->len, i, p,
                                                EI_REPEAT_MIN), &last);
    }
}


/*
 * A repeat of n characters p back from i.  One that ends where the
 * nearer one offered before it (*last) ends costs more, and is not
 * offered.
 */

static void
ei_offer_repeat(ei_search_t *s, size_t i, size_t p, size_t n, size_t *last)
{
    if (n != *last) {
        *last = n;
        ei_relax(s, i, i + n, ei_repeat_bits(p, n));
    }
}


/* the reference's repeats: every period, no hash chains */

static void
ei_match_repeats_everywhere(ei_search_t *s, size_t i)
{
    size_t                p, n, tries, ons;
    const unsigned char  *key;

    key = s->key;
    tries = 0;
    ons = 0;

    for (p = 1; p <= i && p <= EI_REPEAT_PERIOD; p++) {
        for (n = 0; i + n < s->len; n++) {
            if (key[i + n] != key[i + n - p]) {
                break;
            }
        }

        if (n < EI_REPEAT_MIN) {
            continue;
        }

        if (i > p && key[i - 1] == key[i - 1 - p]) {
            ons++;

            if (i >= p + EI_REPEAT_ON
                && memcmp(key + i - EI_REPEAT_ON, key + i - EI_REPEAT_ON - p,
                          EI_REPEAT_ON) == 0
                && ++tries == EI_REPEAT_TRIES)
            {
                break;
            }

            continue;
        }

        if (ons >= EI_REPEAT_TRIES && n < EI_REPEAT_ON) {
            continue;
        }

        ei_relax(s, i, i + n, ei_repeat_bits(p, n));
    }
}


/*
 * The same with a step of one for short periods ("abcd", "4321",
 * "a1b2c3"): each character one more, or one less, than the one p before;
 * also taken only where it starts.
 */

void
ei_match_steps(ei_search_t *s, size_t i)
{
    size_t                p, n, max;
    unsigned              d;
    const unsigned char  *key;

    key = s->key;
    max = (i < EI_STEP_PERIOD) ? i : EI_STEP_PERIOD;

    for (p = 1; p <= max; p++) {

        /* 0 down, 2 up */
        d = (unsigned) (key[i] - key[i - p] + 1);

        if ((d & ~2u) != 0) {
            continue;
        }

        if (i > p && (unsigned) (key[i - 1] - key[i - 1 - p] + 1) == d) {
            /* it goes on from before i: taken where it starts */
            continue;
        }

        for (n = 1; i + n < s->len; n++) {
            if ((unsigned) (key[i + n] - key[i + n - p] + 1) != d) {
                break;
            }
        }

        if (n >= EI_REPEAT_MIN) {
            ei_relax(s, i, i + n, ei_repeat_bits(p, n));
        }
    }
}
