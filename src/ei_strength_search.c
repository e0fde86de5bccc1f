/*
 * The bound of what the patterns of a key could save, and the search for
 * the cheapest description of a window of it, from its end
 * (ei_strength.c drives them): the matchers run where the glance shows a
 * pattern may start, and in a key that is mostly one block said again,
 * what they found one block on is taken again.
 */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


static size_t ei_search_period(ei_search_t *s);
static void ei_search_again(ei_search_t *s, size_t p);


/*
 * Whether the patterns could count at all.  The description with step[k]
 * costs at least len * step[k] (plus few for step[1]) less what the
 * patterns save; each pattern saves at most its length times step[k]
 * less its cost and the announcement after another pattern.  The bound
 * sums the best such saving at each position where a pattern is found,
 * a backward word counting at its last character: patterns that do not
 * overlap never share that position.  When neither sum reaches what the
 * patterns must save to count, the search would answer the plain count.
 */

int
ei_patterns_may_count(ei_search_t *s, const unsigned char *key, size_t len,
    uint64_t naive, uint32_t few)
{
    size_t    i, j, n;
    int64_t   need[2], saved[2];
    uint32_t  step;
    uint64_t  marks;

    /* no window yet; walks shorter than walk_min save nothing */

    s->key = NULL;
    s->bound = 1;

    step = (s->step[0] > s->step[1]) ? s->step[0] : s->step[1];

    for (n = EI_WALK_MIN; n <= EI_STRENGTH_WINDOW; n++) {
        if (n * step > EI_WALK_BITS + EI_NEXT_PATTERN_BITS
                       + 2 * (uint32_t) ei_log2[n])
        {
            break;
        }
    }

    s->walk_min = n;

    /*
     * what the patterns must save for the cheapest description to be
     * EI_STRENGTH_SURPRISE bits under the plain count, with each step
     */

    need[0] = (int64_t) EI_STRENGTH_SURPRISE * EI_MB;
    need[1] = need[0] - (int64_t) naive + few + (int64_t) len * s->step[1];

    if (need[1] <= 0) {
        /* the few distinct characters alone save enough */
        return 1;
    }

    saved[0] = 0;
    saved[1] = 0;

    for (i = 0; i < len; i += n) {
        n = len - i;

        if (n > EI_STRENGTH_WINDOW) {
            n = EI_STRENGTH_WINDOW;
        }

        ei_strength_window(s, key + i, n);

        for (j = 0; j < n; j++) {

            /* nothing starts here, nor ends backward: eight at a time */

            if (j % 8 == 0 && n - j >= 8) {
                memcpy(&marks, s->may + j, sizeof(marks));

                if (marks == 0) {
                    j += 7;
                    continue;
                }
            }

            if (s->may[j] == 0) {
                continue;
            }

            s->gain[0] = 0;
            s->gain[1] = 0;

            ei_strength_match(s, j);

            if ((s->gain[0] | s->gain[1]) == 0) {
                continue;
            }

            saved[0] += s->gain[0];
            saved[1] += s->gain[1];

            if (saved[0] >= need[0] || saved[1] >= need[1]) {
                return 1;
            }
        }
    }

    return 0;
}


/* a character more with each step, after a pattern or not */

static inline void
ei_search_step(ei_search_t *s, size_t i)
{
    unsigned  k;
    uint32_t  c;

    for (k = 0; k < 2; k++) {
        c = s->cost[k][0][i + 1] + s->step[k];

        if (c < s->cost[k][0][i]) {
            s->cost[k][0][i] = c;
        }

        if (c < s->cost[k][1][i]) {
            s->cost[k][1][i] = c;
        }
    }
}


/* key[j] is the character p on */

static inline int
ei_same_on(ei_search_t *s, size_t j, size_t p)
{
    return j + p < s->len && s->key[j] == s->key[j + p];
}


/*
 * The cheapest description of key[0..len), from its end: cost[k][1][i]
 * when a pattern ends just before i, cost[k][0][i] otherwise.  A pattern
 * that follows another costs less to announce: a person strings words and
 * digits together, a random key holds lone chance patterns.  cost[k][.][i]
 * is final once every pattern starting at i has been tried; a pattern read
 * backward (a reversed word) that ends at i is offered to the cost of its
 * start, which is settled later.
 */

void
ei_search(ei_search_t *s, const unsigned char *key, size_t len)
{
    size_t    i, p;
    unsigned  k;

    s->bound = 0;
    s->memo_cur = NULL;

    /* the window that the bound saw last is ready */

    if (s->key != key || s->len != len) {
        ei_strength_window(s, key, len);
    }

    if (EI_STRENGTH_REFERENCE) {
        memset(s->may, EI_MAY_ALL, len);
    }

    for (k = 0; k < 2; k++) {
        for (i = 0; i < len; i++) {
            s->cost[k][0][i] = EI_INFINITE;
            s->cost[k][1][i] = EI_INFINITE;
        }

        s->cost[k][0][len] = 0;
        s->cost[k][1][len] = 0;
    }

    p = EI_STRENGTH_REFERENCE ? 0 : ei_search_period(s);

    if (p != 0) {
        ei_search_again(s, p);
        return;
    }

    for (i = len; i-- > 0; /* void */) {
        ei_search_step(s, i);

        if (s->may[i] != 0) {
            ei_strength_match(s, i);
        }
    }
}


/*
 * The period that most blocks of three have (their nearest earlier place
 * is p back), if a long key is mostly one block said again and again, or 0
 */

static size_t
ei_search_period(ei_search_t *s)
{
    size_t    i, p, best, n;
    uint16_t  seen[EI_REPEAT_PERIOD + 1];

    if (s->len < 4 * EI_MEMO_BACK) {
        return 0;
    }

    memset(seen, 0, sizeof(seen));

    /* every fourth block is enough to tell */

    n = 0;

    for (i = 0; i + 2 < s->len; i += 4) {
        p = i + 1 - s->prev[i];

        if (s->prev[i] != 0 && p <= EI_REPEAT_PERIOD) {
            seen[p]++;
        }

        n++;
    }

    best = 0;

    for (p = 1; p <= EI_REPEAT_PERIOD; p++) {
        if (seen[p] > seen[best]) {
            best = p;
        }
    }

    if (2 * (size_t) seen[best] < n) {
        return 0;
    }

    /*
     * and the patterns found at a position can be taken again at half of
     * them at least, where the EI_MEMO_BACK characters before are those p
     * on: a character that differs from the one p on stops that for the
     * next EI_MEMO_BACK (runs of "1" broken every few characters by
     * another do not qualify)
     */

    n = 0;

    for (i = 0; i + best < s->len; i++) {
        n += (s->key[i] != s->key[i + best]);
    }

    return (2 * n * EI_MEMO_BACK <= s->len) ? best : 0;
}


/*
 * The search of a key that is mostly a block said again and again: where
 * the characters from EI_MEMO_BACK before i to the reach of the patterns
 * found at i + p are those p on, the patterns at i are those at i + p,
 * moved: they are offered again instead of being looked for.  Elsewhere
 * the matchers run and what they find is kept.  Linear still, and each
 * pattern of a long repeated key is looked for about once per block.
 */

static void
ei_search_again(ei_search_t *s, size_t p)
{
    size_t      i, j, same, differ;
    ei_memo_t  *m, *from;

    /*
     * differ: how many of key[i - EI_MEMO_BACK .. i) are not those p on,
     * counted from key[len - EI_MEMO_BACK .. len) before the first step,
     * which takes i out and i - EI_MEMO_BACK in
     */

    differ = 0;
    same = 0;

    for (j = s->len - EI_MEMO_BACK; j < s->len; j++) {
        differ += !ei_same_on(s, j, p);
    }

    for (i = s->len; i-- > 0; /* void */) {
        ei_search_step(s, i);

        /* same: how many characters from i on are those p on */

        if (ei_same_on(s, i, p)) {
            same++;

        } else {
            same = 0;
            differ--;
        }

        if (i >= EI_MEMO_BACK) {
            differ += !ei_same_on(s, i - EI_MEMO_BACK, p);
        }

        m = &s->memo[i % EI_MEMO_RING];

        if (s->may[i] == 0) {
            m->n = 0;
            m->reach = EI_MEMO_PROBE;
            continue;
        }

        from = &s->memo[(i + p) % EI_MEMO_RING];

        if (i >= EI_MEMO_BACK && i + p < s->len && differ == 0
            && same >= from->reach)
        {
            for (j = 0; j < from->n; j++) {
                ei_relax_cost(s, i + from->found[j].from,
                              i + from->found[j].to, from->found[j].bits);
            }

            memcpy(m, from, offsetof(ei_memo_t, found)
                            + from->n * sizeof(ei_found_t));
            continue;
        }

        m->n = 0;
        m->reach = EI_MEMO_PROBE;

        s->memo_at = i;
        s->memo_cur = m;

        ei_strength_match(s, i);

        s->memo_cur = NULL;
    }
}
