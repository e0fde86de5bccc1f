/*
 * The glance at a window of the key that tells, with table lookups, where
 * each kind of pattern may start (README "How hmacKey strength is
 * estimated"): the search and the bound of src/ei_strength_search.c look
 * only there.
 */

#include <stdint.h>
#include <string.h>

#include "ei_crypto.h"
#include "ei_strength_search.h"


#if defined(__GNUC__)
#define EI_NOINLINE             __attribute__((noinline))
#define EI_ALWAYS_INLINE        inline __attribute__((always_inline))
#else
#define EI_NOINLINE
#define EI_ALWAYS_INLINE        inline
#endif


/* the letters near a position are read as one word of eight bytes */
#if (EI_LETTERS_NEAR != 8)
#error "ei_letter_ahead() reads EI_LETTERS_NEAR bytes as a uint64_t"
#endif


static EI_NOINLINE void ei_window_words_long(ei_search_t *s);
static EI_NOINLINE void ei_window_words_short(ei_search_t *s);
static EI_ALWAYS_INLINE void ei_window_words(ei_search_t *s, int kept);
static uint32_t ei_word_goes_on(unsigned x, unsigned y, unsigned z,
    uint32_t fourth);
static uint32_t ei_word_may(ei_search_t *s, size_t a, size_t b, size_t c,
    uint32_t fourth);
static uint32_t ei_word_glance(unsigned a, unsigned a2, unsigned b,
    unsigned b2, uint32_t third);
static unsigned ei_repeats_tiny(ei_search_t *s, unsigned char *code);
static void ei_words_tiny(ei_search_t *s, const unsigned char *code);
static int ei_letter_ahead(const ei_search_t *s, size_t x);
static int ei_letter_behind(const ei_search_t *s, size_t x);
static int ei_date_may_start(const unsigned char *key);
static EI_NOINLINE int ei_repeat_may_start(const uint16_t *prev,
    const unsigned char *key, size_t b, size_t j);


/*
 * What the matches need to know of key[0..len) beforehand, and where each
 * kind of pattern may start: two passes, each of which learns at position
 * i what ends there and marks the positions before, the first for blocks,
 * dates and walks, the second for words (in one pass, more values were
 * live than registers hold, and it cost about an eighth more).
 */

void
ei_strength_window(ei_search_t *s, const unsigned char *key, size_t len)
{
    int             kept;
    unsigned        tiny;
    unsigned char   code[EI_CHARS];
    size_t          i, k, walk, walk_min, digits, period;
    unsigned        c, f, prev, before;
    uint32_t        block, h, info;
    uint16_t       *head;
    unsigned char  *may;

    s->key = key;
    s->len = len;
    may = s->may;
    head = s->head;
    walk_min = s->walk_min;

    memset(head, 0, sizeof(s->head));
    memset(may, 0, len);

    /* where the letters are, for a long window (EI_LETTERS_NEAR) */

    kept = (len > EI_LETTERS_KEPT);

    tiny = 0;

    if (kept) {
        memset(s->word_ids, 0, sizeof(s->word_ids));

        for (i = 0; i < len; i++) {
            s->is_letter[i] = ((unsigned) ((key[i] | 0x20) - 'a') < 26);
        }

        memset(s->is_letter + len, 0, EI_LETTERS_NEAR);

        tiny = ei_repeats_tiny(s, code);
    }

    /*
     * the farthest back that the chains look for a repeat: in a window of
     * few characters, ei_repeats_tiny() has found them all
     */
    period = tiny ? 0 : EI_REPEAT_PERIOD;

    block = 0;
    digits = 0;
    prev = 0;
    before = 0;
    walk = 0;

    for (i = 0; i < len; i++) {
        c = key[i];

        /*
         * The block of three characters that ends at i, chained with the
         * earlier ones of its hash: a repeat may start at i - 2 if one of
         * those is within reach, and a run of steps if an earlier block up
         * to EI_STEP_PERIOD back is this one minus or plus one, character
         * by character.  A printable character plus or minus one stays
         * within its byte, so the hash of the block plus or minus
         * 0x010101 is that of the block plus or minus EI_BLOCK_HASH_STEP.
         */

        block = (block << 8 | c) & 0xffffff;

        if (i >= 2) {
            h = block * EI_BLOCK_HASH_MUL;

            k = head[(h - EI_BLOCK_HASH_STEP) >> (32 - EI_BLOCK_HASH_BITS)];

            if (k != 0 && i - 1 - k <= EI_STEP_PERIOD) {
                may[i - 2] |= EI_MAY_STEP;
            }

            k = head[(h + EI_BLOCK_HASH_STEP) >> (32 - EI_BLOCK_HASH_BITS)];

            if (k != 0 && i - 1 - k <= EI_STEP_PERIOD) {
                may[i - 2] |= EI_MAY_STEP;
            }

            h >>= 32 - EI_BLOCK_HASH_BITS;
            k = head[h];

            s->prev[i - 2] = (uint16_t) k;
            head[h] = (uint16_t) (i - 1);

            if (k != 0 && i - 1 - k <= period
                && ei_repeat_may_start(s->prev, key, i - 2, k))
            {
                may[i - 2] |= EI_MAY_REPEAT;
            }
        }

        /*
         * years and dates: four digits, or two and a separator, the first
         * two between 01 and 31 (a day, a month, 19 or 20 of a year)
         */

        if (c >= '0' && c <= '9') {
            digits++;

            if (digits >= 4 && ei_date_may_start(key + i - 3)) {
                may[i - 3] |= EI_MAY_DATE;
            }

        } else {
            if (digits >= 2 && ei_is_date_sep(c)
                && ei_date_may_start(key + i - 2))
            {
                may[i - 2] |= EI_MAY_DATE;
            }

            digits = 0;
        }

        /* the letters that c is or stands for, the first one decides */

        info = ei_char_letters[c % EI_CHARS];
        f = info >> 16;

        s->letter[i][0] = (unsigned char) info;
        s->letter[i][1] = (unsigned char) (info >> 8);

        /* walks: pairs of adjacent characters that end at i */

        if (prev != 0 && ei_adjacent_chars(prev, f)) {

            /* no walk goes back to the character before (util/ checks) */

            walk = (f == before) ? 1 : walk + 1;

            if (walk + 1 >= EI_WALK_MIN) {
                may[i + 1 - EI_WALK_MIN] |= EI_MAY_WALK;
            }

            if (walk + 1 >= walk_min) {
                may[i + 1 - walk_min] |= EI_MAY_LONG_WALK;
            }

        } else {
            walk = 0;
        }

        before = prev;
        prev = f;
    }

    /* words, from the letters written down above */

    if (tiny) {
        ei_words_tiny(s, code);

        /* which characters the key holds */
        ei_cleanse(code, sizeof(code));

    } else if (kept) {
        ei_window_words_long(s);

    } else {
        ei_window_words_short(s);
    }
}


/*
 * The second pass of ei_strength_window(), words, made twice by the
 * compiler: for a long window, which keeps the prefixes of each four
 * characters (ei_word_prefixes_at()) and passes over the places with no
 * letter near, and for a short one, the key of every request, kept as
 * small as it was.
 */

static EI_NOINLINE void
ei_window_words_long(ei_search_t *s)
{
    ei_window_words(s, 1);
}


static EI_NOINLINE void
ei_window_words_short(ei_search_t *s)
{
    ei_window_words(s, 0);
}


static EI_ALWAYS_INLINE void
ei_window_words(ei_search_t *s, int kept)
{
    size_t                i, len;
    unsigned              c, x, y, z, w, second, y2, z2, w2, two;
    uint32_t              set;
    unsigned char        *may;
    const unsigned char  *key;

    key = s->key;
    len = s->len;
    may = s->may;

    /*
     * the first letters of i - 1 (y), i - 2 (z) and i - 3 (w), their second
     * ones (y2, z2, w2), and which of i, i - 1, i - 2 ... name two letters
     * (bits 0, 1, 2 ...)
     */
    two = 0;
    y = EI_NO_LETTER;
    z = EI_NO_LETTER;
    w = EI_NO_LETTER;
    y2 = EI_NO_LETTER;
    z2 = EI_NO_LETTER;
    w2 = EI_NO_LETTER;

    for (i = 0; i < len; i++) {
        c = key[i];
        x = s->letter[i][0];
        second = s->letter[i][1];

        /* bit 31 of set: c names two letters, a bit no table holds */

        set = ei_char_set[c % EI_CHARS];
        two = two << 1 | set >> 31;

        /*
         * Words forward from i - 3, whose first three letters go on with
         * one of c or end, and backward from i, which count from four
         * letters on.  Where a character of the three names two letters,
         * ei_word_may() tries them all.  EI_NO_LETTER stands for the
         * positions before 0, and its bit is in no set of letters.
         */

        if ((two & 0xe) == 0) {
            if (((ei_words_third[w * EI_LETTERS + z] >> y) & 1)
                && ei_word_goes_on(w, z, y, set | EI_WORD_ENDS))
            {
                may[i - 3] |= EI_MAY_WORD;
            }

        } else if (i >= 3
                   && (kept ? ei_letter_ahead(s, i - 3)
                              && ei_word_prefixes_at(s, i - 3, 1)->n
                            : ei_word_glance(w, w2, z, z2,
                                       ei_letter_bit(y) | ei_letter_bit(y2))
                              && ei_word_may(s, i - 3, i - 2, i - 1,
                                             set | EI_WORD_ENDS)))
        {
            may[i - 3] |= EI_MAY_WORD;
        }

        if (i < 3) {
            /* backward words count from four letters on */

        } else if ((two & 0x7) == 0) {
            if (((ei_words_third[x * EI_LETTERS + y] >> z) & 1)
                && ei_word_goes_on(x, y, z, ei_letter_set(s->letter[i - 3])))
            {
                may[i] |= EI_MAY_DROW;
            }

        } else if (kept ? ei_letter_behind(s, i)
                          && ei_word_prefixes_at(s, i, -1)->n
                        : ei_word_glance(x, second, y, y2,
                                       ei_letter_bit(z) | ei_letter_bit(z2))
                          && ei_word_may(s, i, i - 1, i - 2,
                                         ei_letter_set(s->letter[i - 3])))
        {
            may[i] |= EI_MAY_DROW;
        }

        w = z;
        z = y;
        y = x;
        w2 = z2;
        z2 = y2;
        y2 = second;
    }

    /* the last three letters, if a word ends there */

    if (len < 3) {
        return;
    }

    if ((two & 0x7) == 0) {
        if (((ei_words_third[w * EI_LETTERS + z] >> y) & 1)
            && ei_word_goes_on(w, z, y, EI_WORD_ENDS))
        {
            may[len - 3] |= EI_MAY_WORD;
        }

    } else if (ei_word_glance(w, w2, z, z2,
                              ei_letter_bit(y) | ei_letter_bit(y2))
               && ei_word_may(s, len - 3, len - 2, len - 1, EI_WORD_ENDS))
    {
        may[len - 3] |= EI_MAY_WORD;
    }
}


/*
 * Whether a word begins with the letters x y z, as some word does, and
 * goes on with a letter of fourth, or ends there (EI_WORD_ENDS)
 */

static uint32_t
ei_word_goes_on(unsigned x, unsigned y, unsigned z, uint32_t fourth)
{
    size_t  pair;

    pair = x * EI_LETTERS + y;

    return ei_prefix_fourth[ei_prefix_at[pair]
                            + ei_popcount(ei_words_third[pair]
                                          & ((1u << z) - 1))]
           & fourth;
}


/*
 * Whether some word may begin with a letter of a (first a, or a2), one of
 * b, then one of third: a glance at all the choices together, so that
 * ei_word_may() tries them one by one only when one may do.  EI_NO_LETTER
 * begins no word and goes on none: no need to skip it.
 */

static uint32_t
ei_word_glance(unsigned a, unsigned a2, unsigned b, unsigned b2,
    uint32_t third)
{
    return (ei_words_third[a * EI_LETTERS + b]
            | ei_words_third[a * EI_LETTERS + b2]
            | ei_words_third[a2 * EI_LETTERS + b]
            | ei_words_third[a2 * EI_LETTERS + b2])
           & third;
}


/*
 * Whether a word begins with letters of the characters at a, b and c, and
 * goes on as above: every choice of the letters is tried (after
 * ei_word_glance() has shown that one may do).
 */

static uint32_t
ei_word_may(ei_search_t *s, size_t a, size_t b, size_t c, uint32_t fourth)
{
    size_t                x, y, z;
    const unsigned char  *la, *lb, *lc;

    la = s->letter[a];
    lb = s->letter[b];
    lc = s->letter[c];

    for (x = 0; x < 2; x++) {
        for (y = 0; y < 2; y++) {
            for (z = 0; z < 2; z++) {
                if (((ei_words_third[la[x] * EI_LETTERS + lb[y]] >> lc[z]) & 1)
                    && ei_word_goes_on(la[x], lb[y], lc[z], fourth))
                {
                    return 1;
                }
            }
        }
    }

    return 0;
}


/*
 * Whether a repeat may start at b, whose block is chained with the earlier
 * ones from j (one more than a position) on.  ei_match_repeats() takes a
 * repeat from the earlier places that hold b's own block and do not go on
 * from before b, until EI_REPEAT_TRIES places from which it goes on from
 * EI_REPEAT_ON characters before: when the places chained up to those are
 * all of b's block and all go on, as within a long repeat, nothing starts
 * at b.  Any other chain may start one.
 */

static EI_NOINLINE int
ei_repeat_may_start(const uint16_t *prev, const unsigned char *key, size_t b,
    size_t j)
{
    size_t  n, p;

    for (n = 0; n < EI_REPEAT_TRIES; j = prev[j - 1]) {
        if (j == 0) {
            return 1;
        }

        p = b + 1 - j;

        if (p > EI_REPEAT_PERIOD) {
            return 1;
        }

        if (ei_block_goes_on_long(key, b, p)) {
            n++;
            continue;
        }

        if (!ei_block_again(key, b, p) || !ei_repeat_goes_on(key, b, p)) {
            return 1;
        }

        /* it goes on from fewer characters before: passed over */
    }

    return 0;
}


/*
 * The repeats of a window of at most EI_TINY_CHARS distinct characters, 0
 * for any other.  Each character is named by two bits, kept for the last
 * 64 characters in two masks, bit p - 1 for the character p back: the
 * periods at which the character at i is again are found at once, eq(i).
 * The block at b is again p back where eq(b), eq(b + 1) and eq(b + 2)
 * all hold p; the repeat goes on from before b where eq(b - 1) does too,
 * and from EI_REPEAT_ON characters before where eq(b - EI_REPEAT_ON) to
 * eq(b - 1) all do.  As ei_match_repeats() goes, the periods that start a
 * repeat are tried up to the second that goes on from EI_REPEAT_ON
 * before, those behind the second that goes on at all only if the
 * repeat is EI_REPEAT_ON long, eq(b) to eq(b + EI_REPEAT_ON - 1), known
 * EI_REPEAT_ON - 3 characters later.  They are kept in tries[b], and a
 * repeat may start at b if there is one.
 */

#define EI_TINY_PAST            (2 * EI_REPEAT_ON)

static unsigned
ei_repeats_tiny(ei_search_t *s, unsigned char *code)
{
    size_t                i, n, b;
    unsigned              d;
    uint64_t              low, high, seen, eq, eq1, eq2, eq3, block, on;
    uint64_t              all, cut, near, far, far_of[EI_TINY_PAST];
    uint64_t              four[8];
    const unsigned char  *key;

    key = s->key;

    /* the characters, numbered from 1 as they come */

    memset(code, 0, EI_CHARS);
    n = 0;

    for (i = 0; i < s->len; i++) {
        if (code[key[i] % EI_CHARS] == 0) {
            if (n == EI_TINY_CHARS) {
                ei_cleanse(code, EI_CHARS);
                return 0;
            }

            code[key[i] % EI_CHARS] = (unsigned char) ++n;
        }
    }

    low = 0;
    high = 0;
    seen = 0;
    eq1 = 0;
    eq2 = 0;
    eq3 = 0;

    /*
     * four[j % 8]: the periods that eq(j - 3) to eq(j) all hold, for the
     * last eight j; all: those that eq(i - 7) to eq(i) hold.
     * far_of[b % EI_TINY_PAST]: the periods tried at b only if the repeat
     * there is EI_REPEAT_ON long, until that is known.
     */

    memset(four, 0, sizeof(four));

    for (i = 0; i < s->len; i++) {
        d = code[key[i] % EI_CHARS] - 1u;

        /* the characters back that are the same, of those that are */

        eq = ((d & 1) ? low : ~low) & ((d & 2) ? high : ~high) & seen;

        four[i % 8] = eq & eq1 & eq2 & eq3;
        all = four[i % 8] & four[(i + 4) % 8];

        if (i >= 2) {
            b = i - 2;
            block = eq & eq1 & eq2;
            on = block & eq3;
            block &= ~on;

            /*
             * the periods before the second that goes on at all (near),
             * and before the second that goes on from eq(b - 8) to
             * eq(b - 1), four of i - 7 and i - 3 (far)
             */

            cut = on & (on - 1);
            near = block & ((cut & -cut) - 1);

            cut = on & four[(i + 5) % 8] & four[(i + 1) % 8];
            cut &= cut - 1;
            far = block & ((cut & -cut) - 1) & ~near;

            s->tries[b] = near;

            if (near) {
                s->may[b] |= EI_MAY_TRIES;
            }

            far_of[b % EI_TINY_PAST] = far;
        }

        /* the block EI_REPEAT_ON - 1 back: its far periods that go on */

        if (i >= EI_REPEAT_ON - 1) {
            b = i + 1 - EI_REPEAT_ON;
            far = far_of[b % EI_TINY_PAST] & all;

            if (far) {
                s->tries[b] |= far;
                s->may[b] |= EI_MAY_TRIES;
            }
        }

        low = low << 1 | (d & 1);
        high = high << 1 | (d >> 1);
        seen = seen << 1 | 1;

        eq3 = eq2;
        eq2 = eq1;
        eq1 = eq;

    }

    return 1;
}


/*
 * The words of a window of few characters (ei_repeats_tiny() numbered
 * them): the four characters from j, two bits each, name whether a word
 * may start at j forward and end at j + 3 backward, which is found once
 * for each four (ei_word_prefixes_at()).  As in the glance of any long
 * window, no word starts or ends where EI_LETTERS_NEAR characters hold no
 * letter.
 */

static void
ei_words_tiny(ei_search_t *s, const unsigned char *code)
{
    size_t                i, j;
    unsigned              four, found;
    uint16_t              id[EI_WORD_IDS];
    unsigned char         known[256];
    const unsigned char  *key;

    key = s->key;
    four = 0;

    /* known[four]: 0 if not yet, else 1, 2 forward, 4 backward */

    memset(known, 0, sizeof(known));

    for (i = 0; i < s->len; i++) {
        four = (four << 2 | (code[key[i] % EI_CHARS] - 1u)) & 0xff;

        if (i < EI_PREFIX) {
            continue;
        }

        j = i - EI_PREFIX;
        found = known[four];

        if (found == 0) {
            found = 1 | (ei_word_prefixes_at(s, j, 1)->n ? 2 : 0)
                    | (ei_word_prefixes_at(s, i, -1)->n ? 4 : 0);
            known[four] = (unsigned char) found;
        }

        if ((found & 2) && ei_letter_ahead(s, j)) {
            s->may[j] |= EI_MAY_WORD;
        }

        if ((found & 4) && ei_letter_behind(s, i)) {
            s->may[i] |= EI_MAY_DROW;
        }
    }

    /* the last three letters, if a word ends there */

    j = s->len - EI_PREFIX;

    if (ei_letter_ahead(s, j) && ei_word_prefixes(s, j, 1, EI_WORD_ENDS, id)) {
        s->may[j] |= EI_MAY_WORD;
    }
}


/* whether one of the EI_LETTERS_NEAR characters from x is a letter */

static int
ei_letter_ahead(const ei_search_t *s, size_t x)
{
    uint64_t  w;

    memcpy(&w, s->is_letter + x, sizeof(w));

    return w != 0;
}


/* the same of the characters up to x, or 1 when fewer are behind it */

static int
ei_letter_behind(const ei_search_t *s, size_t x)
{
    uint64_t  w;

    if (x + 1 < EI_LETTERS_NEAR) {
        return 1;
    }

    memcpy(&w, s->is_letter + x + 1 - EI_LETTERS_NEAR, sizeof(w));

    return w != 0;
}


/* whether two digits are between 01 and 31, as every form starts */

static int
ei_date_may_start(const unsigned char *key)
{
    int  two;

    two = (key[0] - '0') * 10 + key[1] - '0';

    return two >= EI_DAY_MIN && two <= EI_DAY_MAX;
}
