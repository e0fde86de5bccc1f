/*
 * What the files of the strength estimate share: the costs of patterns,
 * the search state, and the passes over a window (src/ei_strength.c
 * drives them).
 *
 *   ei_strength_search.c   the bound, and the search of a window
 *   ei_strength_window.c   a glance at a window: what may start where
 *   ei_strength_match.c    the patterns found at one position, from
 *                          ei_strength_repeats.c, _walks.c, _words.c and
 *                          _dates.c
 *
 * Internal to the estimate; callers use ei_strength.h.
 */

#ifndef EI_STRENGTH_SEARCH_H
#define EI_STRENGTH_SEARCH_H


#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ei_strength_tables.h"


/*
 * The reference build of the estimate (t/fuzz/fuzz_strength.c) compiles
 * these files again with EI_STRENGTH_REFERENCE 1: no bound, every
 * matcher at every position instead of where the glance points, and
 * repeats at every period instead of along the hash chains.  Its verdicts
 * must be those of the fast path, bit for bit.
 */
#ifndef EI_STRENGTH_REFERENCE
#define EI_STRENGTH_REFERENCE   0
#endif

/* millibits in a bit */
#define EI_MB                   1000

/* least saving, in bits, for which the patterns found count at all */
#define EI_STRENGTH_SURPRISE    22


/* farthest back a repeated block is looked for */
#define EI_REPEAT_PERIOD        64

/* farthest back a block with a step of one ("a1b2c3") is looked for */
#define EI_STEP_PERIOD          4

/*
 * Costs of the patterns, in millibits.  Each pattern pays for saying that
 * a pattern comes rather than a character, and what it is: the period and
 * the length of a repeat (2 log2 length, as a length code needs), the
 * walk, the word, the year.
 */
#define EI_PATTERN_BITS         5000    /* a pattern comes, and which kind */
#define EI_NEXT_PATTERN_BITS    2000    /* the same, just after another */
#define EI_REPEAT_BITS          1585    /* log2(3): same, up or down */
#define EI_WALK_BITS            7000    /* which walk, from where */
#define EI_REVERSED_BITS        1000    /* read backward */
#define EI_LEET_BITS            2000    /* each leet substitute, which */
#define EI_YEAR_BITS            7644    /* log2(200): 1900 to 2099 */
#define EI_DATE_BITS            17767   /* log2(200 * 12 * 31 * 3 orders) */
#define EI_DATE_SEP_BITS        2000    /* one of four separators */

/*
 * the earlier places of a block from which the repeat goes on from at
 * least EI_REPEAT_ON characters before (as inside a longer repeat) after
 * which no farther place is tried, so that a run or a short period costs
 * a bounded search a position.  A place from which it goes on from fewer
 * is passed over without counting: in a key of few characters blocks
 * come again by chance every few characters, and the first two of those
 * would hide a block's own period behind them.
 */
#define EI_REPEAT_TRIES         2
#define EI_REPEAT_ON            8

/* shortest repeat (after the block it repeats), walk and backward word */
#define EI_REPEAT_MIN           3
#define EI_WALK_MIN             3

#if (EI_WALK_MIN < 3)
#error "ei_match_walks() skips the walks of two characters unread"
#endif
#define EI_REVERSED_MIN         4

#define EI_INFINITE             (UINT32_MAX / 4)

/*
 * What the search may take again from p characters on (ei_search_again()
 * in ei_strength_search.c): the patterns found at a position are known
 * from the characters EI_MEMO_BACK before it up to its reach after it.
 * Behind, a repeat looks EI_REPEAT_PERIOD and EI_REPEAT_ON back; ahead,
 * whatever was looked at and found nothing (a word that failed, at most
 * EI_WORD_MAX letters, a date of ten characters, the glance's four) stays
 * within EI_MEMO_PROBE, and what was found within its end and the
 * character that ended it.
 */
#define EI_MEMO_BACK            (EI_REPEAT_PERIOD + EI_REPEAT_ON + 2)
#define EI_MEMO_PROBE           (EI_WORD_MAX + 1)
#define EI_MEMO_FOUND           12
#define EI_MEMO_RING            128
#define EI_MEMO_NEVER           0xffff

/*
 * A word spelled by EI_LETTERS_NEAR characters none of which is a letter
 * is all substitutes, which a word may not be; a longer one would be more
 * than half substitutes (ei_word_len): so no word starts (or, backward,
 * ends) where EI_LETTERS_NEAR characters hold no letter.  The glance of
 * a window longer than EI_LETTERS_KEPT looks there before it tries the
 * letters of a leet character one by one.
 */
#define EI_LETTERS_NEAR         8
#define EI_LETTERS_KEPT         64

#if (2 * EI_LETTERS_NEAR <= EI_WORD_MAX)
#error "a word of EI_WORD_MAX letters could hold EI_LETTERS_NEAR substitutes"
#endif

#if (EI_MEMO_RING <= EI_REPEAT_PERIOD)
#error "the memo of i + p must outlive the positions between"
#endif

/*
 * In a long window, the prefixes of words that four characters may begin
 * are found once for each four (ei_word_prefixes_at()), by the glance and
 * the search both.  Three characters name at most 2 x 2 x 2 prefixes.
 * Keys are printable ASCII: bit 31 of the four is free for the direction.
 */
#define EI_WORD_KEPT_BITS       8
#define EI_WORD_KEPT            (1 << EI_WORD_KEPT_BITS)
#define EI_WORD_BACKWARD        0x80000000u
#define EI_WORD_IDS             8

typedef struct {
    uint32_t              four;         /* 0: nothing kept */
    uint16_t              n;
    uint16_t              id[EI_WORD_IDS];
} ei_word_ids_t;


/*
 * A long window of at most EI_TINY_CHARS distinct characters ("l1l11l1...")
 * holds a block of three again every few characters: instead of along the
 * hash chains, the places of each repeat are found for every position at
 * once, as a mask of the periods (ei_strength_window.c), two bits a
 * character telling which of the few it is.
 */
#define EI_TINY_CHARS           4

#if (EI_REPEAT_PERIOD != 64)
#error "the periods of a repeat are the 64 bits of a mask (tries[])"
#endif

/*
 * The blocks of three characters of a window are chained in lists by
 * their hash, (block * EI_BLOCK_HASH_MUL) >> (32 - EI_BLOCK_HASH_BITS):
 * the hash of the block plus 0x010101 is that of EI_BLOCK_HASH_STEP more.
 */
#define EI_BLOCK_HASH_BITS      8
#define EI_BLOCK_HASH_SIZE      (1 << EI_BLOCK_HASH_BITS)
#define EI_BLOCK_HASH_MUL       0x9e3779b1u
#define EI_BLOCK_HASH_STEP      ((uint32_t) (0x010101u * EI_BLOCK_HASH_MUL))

/* bit EI_NO_LETTER of a prefix's fourth letters: a word ends there */
#define EI_WORD_ENDS            (1u << EI_NO_LETTER)

/* what a glance at the window shows may start at a position */
#define EI_MAY_REPEAT           0x01
#define EI_MAY_STEP             0x02
#define EI_MAY_WALK             0x04
#define EI_MAY_LONG_WALK        0x08    /* walk_min characters at least */
#define EI_MAY_WORD             0x10    /* forward */
#define EI_MAY_DROW             0x20    /* backward, ending there */
#define EI_MAY_DATE             0x40
#define EI_MAY_ALL              0x7f    /* the reference: every matcher */
#define EI_MAY_TRIES            0x80    /* a repeat, at the periods kept */

/* the days of a month, which every form of date starts with but one */
#define EI_DAY_MIN              1
#define EI_DAY_MAX              31

#define ei_is_date_sep(c)                                                    \
    ((c) == '-' || (c) == '/' || (c) == '.' || (c) == '_')

/* letters as bit sets; the 27th, EI_NO_LETTER, is in none */
#define ei_letter(c)            (1u << ((c) - 'a'))
#define ei_letter_bit(x)        ((1u << (x)) & 0x3ffffff)


/* a pattern found at a position: its ends from there, and its cost */
typedef struct {
    int16_t               from;
    int16_t               to;
    uint32_t              bits;
} ei_found_t;

/*
 * The patterns found at a position, and how far the characters from
 * there must be those p on for another position to find the same ones
 * (EI_MEMO_NEVER: more than EI_MEMO_FOUND were found).
 */
typedef struct {
    uint16_t              n;
    uint16_t              reach;
    ei_found_t            found[EI_MEMO_FOUND];
} ei_memo_t;


typedef struct {
    const unsigned char  *key;          /* the window searched */
    size_t                len;

    /*
     * millibits of a character outside any pattern: drawn from the whole
     * alphabet, or from the few distinct characters that the key uses
     */
    uint32_t              step[2];

    /* the key holds a capital letter */
    int                   capitals;

    /*
     * Set while bounding rather than searching: ei_relax() then keeps in
     * gain[k] the most that one pattern found at the current position
     * saves with step[k], and cost[] is not used.  walk_min is the
     * shortest walk that saves anything at all (EI_MAY_LONG_WALK); the
     * search needs every walk.
     */
    unsigned              bound;
    int32_t               gain[2];
    size_t                walk_min;

    /*
     * cost[k][p][i]: the cheapest description of key[i..len) with step[k],
     * p telling whether a pattern ends just before i
     */
    uint32_t              cost[2][2][EI_STRENGTH_WINDOW + 1];

    /*
     * Where the three characters from i were seen before: the earlier
     * positions whose block hashes alike are chained, prev[i] and head[h]
     * holding one more than the position, or 0.  A repeat is looked for
     * only there, instead of at every period.
     */
    uint16_t              head[EI_BLOCK_HASH_SIZE];
    uint16_t              prev[EI_STRENGTH_WINDOW];

    /*
     * the letters that each character is or stands for, as indexes (two
     * at most, EI_NO_LETTER after the last)
     */
    unsigned char         letter[EI_STRENGTH_WINDOW][2];

    /* EI_MAY_...: the kinds of pattern that may start at i */
    unsigned char         may[EI_STRENGTH_WINDOW];

    /*
     * In a window longer than EI_LETTERS_KEPT of at most EI_TINY_CHARS
     * distinct characters, where may[i] has EI_MAY_TRIES instead of
     * EI_MAY_REPEAT: the periods at which a repeat is taken from i, bit
     * p - 1 of tries[i] (ei_match_repeats())
     */
    uint64_t              tries[EI_STRENGTH_WINDOW];

    /*
     * In a window longer than EI_LETTERS_KEPT: whether each character is
     * an ASCII letter, and EI_LETTERS_NEAR zeros after the last
     */
    unsigned char         is_letter[EI_STRENGTH_WINDOW + EI_LETTERS_NEAR];

    /*
     * In a window longer than EI_LETTERS_KEPT, the prefixes that four
     * characters begin, by their hash.  It holds characters of the key,
     * and is cleansed with the letters.
     */
    ei_word_ids_t         word_ids[EI_WORD_KEPT];

    /*
     * While the search keeps what it finds for later (ei_search_again()):
     * the position matched, its memo, and the memos of the last
     * EI_MEMO_RING positions, memo[i % EI_MEMO_RING].
     */
    size_t                memo_at;
    ei_memo_t            *memo_cur;
    ei_memo_t             memo[EI_MEMO_RING];
} ei_search_t;


int ei_patterns_may_count(ei_search_t *s, const unsigned char *key,
    size_t len, uint64_t naive, uint32_t few);
void ei_search(ei_search_t *s, const unsigned char *key, size_t len);
void ei_strength_window(ei_search_t *s, const unsigned char *key, size_t len);
void ei_strength_match(ei_search_t *s, size_t i);
void ei_match_repeats(ei_search_t *s, size_t i);
void ei_match_repeats_tiny(ei_search_t *s, size_t i);
void ei_match_steps(ei_search_t *s, size_t i);
void ei_match_walks(ei_search_t *s, size_t i);
void ei_match_words(ei_search_t *s, size_t i);
void ei_match_dates(ei_search_t *s, size_t i);
size_t ei_word_prefixes(const ei_search_t *s, size_t at, int dir,
    uint32_t fourth, uint16_t *id);
void ei_word_prefixes_keep(ei_search_t *s, ei_word_ids_t *kept,
    uint32_t four, size_t at, int dir);


static inline unsigned
ei_fold(unsigned c)
{
    return (c >= 'A' && c <= 'Z') ? c + ('a' - 'A') : c;
}


static inline uint32_t
ei_letter_set(const unsigned char *x)
{
    return ei_letter_bit(x[0]) | ei_letter_bit(x[1]);
}


static inline int
ei_adjacent_chars(unsigned a, unsigned b)
{
    return (ei_adjacent[a % EI_CHARS][b / 64 % 2] >> (b % 64)) & 1;
}


/*
 * Repeats, as the glance (ei_repeat_may_start) and the search
 * (ei_match_repeats) both see them: the block of three characters at i is
 * again p characters back, and such a repeat goes on from before i (it is
 * taken where it starts).
 */

static inline int
ei_block_again(const unsigned char *key, size_t i, size_t p)
{
    return key[i] == key[i - p] && key[i + 1] == key[i + 1 - p]
           && key[i + 2] == key[i + 2 - p];
}


static inline int
ei_repeat_goes_on(const unsigned char *key, size_t i, size_t p)
{
    return i > p && key[i - 1] == key[i - 1 - p];
}


/*
 * The block at i is again p back, and the repeat goes on from
 * EI_REPEAT_ON characters before: key[i - EI_REPEAT_ON .. i + 2] are
 * those p back, compared as two words of eight, as they are along the
 * chains of a key that is a block said again
 */

#if (EI_REPEAT_ON != 8)
#error "ei_block_goes_on_long() compares EI_REPEAT_ON + 3 bytes as two words"
#endif

static inline int
ei_block_goes_on_long(const unsigned char *key, size_t i, size_t p)
{
    uint64_t  a, b, c, d;

    if (i < p + EI_REPEAT_ON) {
        return 0;
    }

    memcpy(&a, key + i - 8, sizeof(a));
    memcpy(&b, key + i - 8 - p, sizeof(b));
    memcpy(&c, key + i - 5, sizeof(c));
    memcpy(&d, key + i - 5 - p, sizeof(d));

    return ((a ^ b) | (c ^ d)) == 0;
}


/*
 * ei_word_prefixes() of the four characters from at in direction dir, in
 * a window longer than EI_LETTERS_KEPT: found once for each four, as they
 * come again and again in a long key of few characters
 */

static inline const ei_word_ids_t *
ei_word_prefixes_at(ei_search_t *s, size_t at, int dir)
{
    uint32_t        four;
    ei_word_ids_t  *kept;

    if (dir > 0) {
        memcpy(&four, s->key + at, sizeof(four));

    } else {
        memcpy(&four, s->key + at - EI_PREFIX, sizeof(four));
        four |= EI_WORD_BACKWARD;
    }

    kept = &s->word_ids[(four * EI_BLOCK_HASH_MUL)
                        >> (32 - EI_WORD_KEPT_BITS)];

    if (kept->four != four) {
        ei_word_prefixes_keep(s, kept, four, at, dir);
    }

    return kept;
}


/*
 * The length of the repeat p back from i, known to be n at least: eight
 * characters at a time where their order in a word is known
 */

static inline size_t
ei_repeat_len(const unsigned char *key, size_t len, size_t i, size_t p,
    size_t n)
{
#if (defined __BYTE_ORDER__ && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
    uint64_t  here, back;

    while (i + n + sizeof(here) <= len) {
        memcpy(&here, key + i + n, sizeof(here));
        memcpy(&back, key + i + n - p, sizeof(back));

        if (here != back) {
            return n + (size_t) __builtin_ctzll(here ^ back) / 8;
        }

        n += sizeof(here);
    }
#endif

    while (i + n < len && key[i + n] == key[i + n - p]) {
        n++;
    }

    return n;
}


/* a repeat of n characters p back, or n steps: the period and the length */

static inline uint32_t
ei_repeat_bits(size_t p, size_t n)
{
    return EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n];
}


/*
 * Capitals in a word or walk: none is free, all of them or just the first
 * cost a bit, any other mix a bit a letter, as in a random key.
 */

static inline uint32_t
ei_case_bits(unsigned upper, unsigned letters, unsigned first_upper)
{
    if (upper == 0) {
        return 0;
    }

    if (upper == letters || (upper == 1 && first_upper)) {
        return EI_MB;
    }

    return letters * EI_MB;
}


/*
 * key[from..to) is one pattern of the given cost: the cheapest
 * descriptions from "from" on, with each step, after a pattern or not
 */

static inline void
ei_relax_cost(ei_search_t *s, size_t from, size_t to, uint32_t bits)
{
    unsigned  k;
    uint32_t  c;

    for (k = 0; k < 2; k++) {
        c = s->cost[k][1][to] + bits;

        if (c + EI_PATTERN_BITS < s->cost[k][0][from]) {
            s->cost[k][0][from] = c + EI_PATTERN_BITS;
        }

        if (c + EI_NEXT_PATTERN_BITS < s->cost[k][1][from]) {
            s->cost[k][1][from] = c + EI_NEXT_PATTERN_BITS;
        }
    }
}


/*
 * key[from..to) is one pattern of the given cost; while the search keeps
 * what it finds, the memo of the position gets it too
 */

static inline void
ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits)
{
    int32_t     saved;
    size_t      reach;
    unsigned    k;
    ei_memo_t  *m;

    if (s->bound) {
        for (k = 0; k < 2; k++) {
            saved = (int32_t) ((to - from) * s->step[k])
                    - (int32_t) (bits + EI_NEXT_PATTERN_BITS);

            if (saved > s->gain[k]) {
                s->gain[k] = saved;
            }
        }

        return;
    }

    ei_relax_cost(s, from, to, bits);

    m = s->memo_cur;

    if (m == NULL) {
        return;
    }

    if (m->n == EI_MEMO_FOUND) {
        m->reach = EI_MEMO_NEVER;
        return;
    }

    /* the character at "to" ended the pattern: it must be the same too */

    reach = to + 1 - s->memo_at;

    if (reach > m->reach && m->reach != EI_MEMO_NEVER) {
        m->reach = (uint16_t) reach;
    }

    m->found[m->n].from = (int16_t) ((ptrdiff_t) from
                                     - (ptrdiff_t) s->memo_at);
    m->found[m->n].to = (int16_t) (to - s->memo_at);
    m->found[m->n].bits = bits;
    m->n++;
}


/* the bits set in x */

static inline unsigned
ei_popcount(uint32_t x)
{
    x -= (x >> 1) & 0x55555555;
    x = (x & 0x33333333) + ((x >> 2) & 0x33333333);
    x = (x + (x >> 4)) & 0x0f0f0f0f;

    return (x * 0x01010101) >> 24;
}


#endif /* EI_STRENGTH_SEARCH_H */
