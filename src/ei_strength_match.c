/*
 * The patterns found at one position of a window: repeats, steps,
 * keyboard walks, dictionary words and dates (README "How hmacKey
 * strength is estimated").  Each offers its cost to ei_relax(), which
 * keeps the cheapest description of the rest of the key, or, while
 * bounding, the most that one pattern there saves.
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


typedef struct {
    size_t       width;
    int          lo;
    int          hi;
} ei_date_field_t;


static const ei_date_field_t  ei_date_year = { 4, 1900, 2099 };
static const ei_date_field_t  ei_date_month = { 2, 1, 12 };
static const ei_date_field_t  ei_date_day = { 2, EI_DAY_MIN, EI_DAY_MAX };

static const ei_date_field_t  *const ei_date_orders[][3] = {
    { &ei_date_year, &ei_date_month, &ei_date_day },
    { &ei_date_day, &ei_date_month, &ei_date_year },
    { &ei_date_month, &ei_date_day, &ei_date_year }
};


static uint32_t ei_case_bits(unsigned upper, unsigned letters,
    unsigned first_upper);
static void ei_relax(ei_search_t *s, size_t from, size_t to, uint32_t bits);
static void ei_match_repeats(ei_search_t *s, size_t i);
static void ei_match_repeats_tiny(ei_search_t *s, size_t i);
static void ei_match_repeats_everywhere(ei_search_t *s, size_t i);
static void ei_match_steps(ei_search_t *s, size_t i);
static void ei_match_walks(ei_search_t *s, size_t i);
static size_t ei_walk_len(const unsigned char *key, size_t avail, size_t at,
    int dir, int capitals, uint32_t *bits);
static void ei_match_words(ei_search_t *s, size_t i);
static void ei_match_prefix(ei_search_t *s, size_t i, int dir, size_t avail,
    size_t id, uint32_t fourth);
static size_t ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits);
static void ei_match_dates(ei_search_t *s, size_t i);
static void ei_match_digit_dates(ei_search_t *s, size_t i);
static int ei_date_in(const ei_date_field_t *field, int v);
static size_t ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order);
static int ei_year_at(const unsigned char *key, size_t avail, size_t at);
static int ei_number(const unsigned char *key, size_t n);


/*
 * every pattern that starts at i, and every backward word ending there,
 * of the kinds that the window shows may
 */

void
ei_strength_match(ei_search_t *s, size_t i)
{
    unsigned  may;

    may = s->may[i];

    if (may & EI_MAY_REPEAT) {
        ei_match_repeats(s, i);

    } else if (may & EI_MAY_TRIES) {
        ei_match_repeats_tiny(s, i);
    }

    if (may & EI_MAY_STEP) {
        ei_match_steps(s, i);
    }

    if (may & (s->bound ? EI_MAY_LONG_WALK : EI_MAY_WALK)) {
        ei_match_walks(s, i);
    }

    if (may & (EI_MAY_WORD | EI_MAY_DROW)) {
        ei_match_words(s, i);
    }

    if (may & EI_MAY_DATE) {
        ei_match_dates(s, i);
    }
}


/*
 * key[from..to) is one pattern of the given cost; while the search keeps
 * what it finds, the memo of the position gets it too
 */

static void
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

    m->found[m->n].from = (int16_t) ((ptrdiff_t) from - (ptrdiff_t) s->memo_at);
    m->found[m->n].to = (int16_t) (to - s->memo_at);
    m->found[m->n].bits = bits;
    m->n++;
}


/*
 * Repeats of the block p characters back ("abcabc", "aaaa" with p = 1),
 * as long as they go: the period and the length name them.  A repeat of
 * EI_REPEAT_MIN characters or more starts with a block of three seen
 * before, so only the places chained with i are tried, nearest first, up
 * to EI_REPEAT_PERIOD back, until EI_REPEAT_TRIES of them go on from
 * EI_REPEAT_ON characters before i or more: a block whose first
 * characters come again inside it, or by chance in a key of few
 * characters, is still found at its own period, behind the nearer places.  A repeat is taken
 * only where it starts, not again from each of its characters, so that
 * each is compared once: the search is linear in the key's length.
 * One that ends where the nearer one before it ends costs more, and is
 * not offered.
 */

static void
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

            if (ei_repeat_goes_on_long(key, i, p)
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

        if (n != last) {
            last = n;
            ei_relax(s, i, i + n,
                     EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
        }
    }
}


/*
 * The same in a long window of few characters, whose glance kept the
 * periods to try at i (ei_repeats_tiny()): the same places, in the same
 * order, as along the chains
 */

static void
ei_match_repeats_tiny(ei_search_t *s, size_t i)
{
    size_t                p, n, last;
    uint64_t              tries;
    const unsigned char  *key;

    key = s->key;
    last = 0;

    for (tries = s->tries[i]; tries != 0; tries &= tries - 1) {
        p = (size_t) __builtin_ctzll(tries) + 1;

        n = ei_repeat_len(key, s->len, i, p, EI_REPEAT_MIN);

        if (n != last) {
            last = n;
            ei_relax(s, i, i + n,
                     EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
        }
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

        ei_relax(s, i, i + n, EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
    }
}


/*
 * The same with a step of one for short periods ("abcd", "4321",
 * "a1b2c3"): each character one more, or one less, than the one p before;
 * also taken only where it starts.
 */

static void
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
            ei_relax(s, i, i + n,
                     EI_REPEAT_BITS + ei_log2[p] + 2 * ei_log2[n]);
        }
    }
}


/*
 * Walks through the key from i: each place of the key's character in the
 * walks is tried, where the next character goes on in that direction and
 * the one before does not lead there.
 */

static void
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


/*
 * Dictionary words from i on, and words spelled backward that end at i.
 * The letters that the first three characters are or stand for name the
 * prefixes tried, and the fourth must go on one of their words.
 */

static void
ei_match_words(ei_search_t *s, size_t i)
{
    int                   dir;
    size_t                avail, k, n;
    uint16_t              ids[EI_WORD_IDS];
    uint32_t              fourth;
    const uint16_t       *id;
    const ei_word_ids_t  *kept;

    for (dir = 1; dir >= -1; dir -= 2) {

        if ((s->may[i] & ((dir > 0) ? EI_MAY_WORD : EI_MAY_DROW)) == 0) {
            continue;
        }

        /* the window saw three characters at least in that direction */

        avail = (dir > 0) ? s->len - i : i + 1;

        if (EI_STRENGTH_REFERENCE && avail < EI_PREFIX) {
            continue;
        }

        fourth = 0;

        if (avail > EI_PREFIX) {
            fourth = ei_letter_set(s->letter[(ptrdiff_t) i + EI_PREFIX * dir]);
        }

        if (!EI_STRENGTH_REFERENCE && avail > EI_PREFIX
            && s->len > EI_LETTERS_KEPT)
        {
            kept = ei_word_prefixes_at(s, i, dir);
            id = kept->id;
            n = kept->n;

        } else {
            id = ids;
            n = ei_word_prefixes(s, i, dir, fourth | EI_WORD_ENDS, ids);
        }

        for (k = 0; k < n; k++) {
            ei_match_prefix(s, i, dir, avail, id[k], fourth);
        }
    }
}


/*
 * The prefixes of words that letters of the characters at, at + dir and
 * at + 2 dir spell, and that go on with a letter of fourth or end there
 * (EI_WORD_ENDS in fourth): their numbers in id[], and how many
 */

size_t
ei_word_prefixes(const ei_search_t *s, size_t at, int dir, uint32_t fourth,
    uint16_t *id)
{
    size_t                x, y, z, n, pair, k;
    uint32_t              thirds;
    const unsigned char  *a, *b, *c;

    a = s->letter[at];
    b = s->letter[(ptrdiff_t) at + dir];
    c = s->letter[(ptrdiff_t) at + 2 * dir];

    n = 0;

    for (x = 0; x < 2 && a[x] != EI_NO_LETTER; x++) {
        for (y = 0; y < 2 && b[y] != EI_NO_LETTER; y++) {

            pair = a[x] * EI_LETTERS + b[y];
            thirds = ei_words_third[pair];

            for (z = 0; z < 2 && c[z] != EI_NO_LETTER; z++) {

                if (((thirds >> c[z]) & 1) == 0) {
                    continue;
                }

                /* the number of the prefix, and what follows it */

                k = ei_prefix_at[pair]
                    + ei_popcount(thirds & ((1u << c[z]) - 1));

                if (ei_prefix_fourth[k] & fourth) {
                    id[n++] = (uint16_t) k;
                }
            }
        }
    }

    return n;
}


/*
 * Four characters not kept yet (ei_word_prefixes_at()): their prefixes,
 * kept in their entry.  A backward word counts from four letters on, so
 * its prefix must go on with the fourth.
 */

void
ei_word_prefixes_keep(ei_search_t *s, ei_word_ids_t *kept, uint32_t four,
    size_t at, int dir)
{
    uint32_t  fourth;

    fourth = (dir > 0)
             ? ei_letter_set(s->letter[at + EI_PREFIX]) | EI_WORD_ENDS
             : ei_letter_set(s->letter[at - EI_PREFIX]);

    kept->four = four;
    kept->n = (uint16_t) ei_word_prefixes(s, at, dir, fourth, kept->id);
}


/* the words of prefix id that the key spells from i in direction dir */

static void
ei_match_prefix(ei_search_t *s, size_t i, int dir, size_t avail, size_t id,
    uint32_t fourth)
{
    size_t            n;
    uint32_t          bits;
    const ei_word_t  *w, *end;

    end = &ei_words[ei_prefix_word[id + 1]];

    for (w = &ei_words[ei_prefix_word[id]]; w < end; w++) {

        if (w->word[EI_PREFIX] != '\0'
            && (fourth & ei_letter(w->word[EI_PREFIX])) == 0)
        {
            continue;
        }

        n = ei_word_len(s->key + i, avail, dir, w->word, &bits);

        if (n == 0) {
            continue;
        }

        bits += w->bits * EI_MB;

        if (dir > 0) {
            ei_relax(s, i, i + n, bits);

        } else if (n >= EI_REVERSED_MIN) {
            ei_relax(s, i + 1 - n, i + 1, bits + EI_REVERSED_BITS);
        }
    }
}


/*
 * Length of word if the key spells it from key[0] in direction dir, 0
 * otherwise; *bits gets the cost of its capitals and leet substitutes.
 */

static size_t
ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits)
{
    size_t       n;
    unsigned     c, w, upper, leets, first_upper;
    ptrdiff_t    at;
    const char  *leet;

    upper = 0;
    leets = 0;
    first_upper = 0;

    for (n = 0, at = 0; word[n] != '\0'; n++, at += dir) {
        if (n == avail) {
            return 0;
        }

        c = key[at];
        w = (unsigned char) word[n];

        if (c == w) {
            continue;
        }

        if (ei_fold(c) == w) {
            upper++;
            first_upper |= (n == 0);
            continue;
        }

        leet = ei_leet[c % EI_CHARS];

        if ((unsigned char) leet[0] != w && (unsigned char) leet[1] != w) {
            return 0;
        }

        leets++;
    }

    /* a word mostly of substitutes is a number, or chance */

    if (leets * 2 > n || (n <= 4 && leets > 1)) {
        return 0;
    }

    /*
     * people write words in lower case, capitalized or in capitals; other
     * mixes are what random keys hold by chance
     */

    if (upper != 0 && upper != n - leets && !(upper == 1 && first_upper)) {
        return 0;
    }

    *bits = ei_case_bits(upper, (unsigned) (n - leets), first_upper)
            + leets * EI_LEET_BITS;

    return n;
}


/*
 * Capitals in a word or walk: none is free, all of them or just the first
 * cost a bit, any other mix a bit a letter, as in a random key.
 */

static uint32_t
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


/* years 1900-2099, and dates as YYYYMMDD, DDMMYYYY or MMDDYYYY */

static void
ei_match_dates(ei_search_t *s, size_t i)
{
    int                   year;
    size_t                n, o, avail, digits;
    const unsigned char  *key;

    key = s->key + i;
    avail = s->len - i;

    if (avail < 4) {
        return;
    }

    if (EI_STRENGTH_REFERENCE
        && (key[0] < '0' || key[0] > '9' || key[1] < '0' || key[1] > '9'))
    {
        return;
    }

    /*
     * every form holds a year (of 19.. or 20..): first, or after the day
     * and the month, with separators or without
     */

    if (!ei_year_at(key, avail, 0) && !ei_year_at(key, avail, 4)
        && !ei_year_at(key, avail, 6))
    {
        return;
    }

    /*
     * the window saw two digits from 01 to 31 here; the digits that follow,
     * up to the eight of a date without separators
     */

    for (digits = 2; digits < avail && digits < 8; digits++) {
        if (key[digits] < '0' || key[digits] > '9') {
            break;
        }
    }

    if (digits >= 8) {
        ei_match_digit_dates(s, i);

    } else if (digits >= ei_date_year.width) {
        year = ei_number(key, ei_date_year.width);

        if (ei_date_in(&ei_date_year, year)) {
            ei_relax(s, i, i + ei_date_year.width, EI_YEAR_BITS);
        }
    }

    /* or the first field and a separator */

    if (digits == avail || !ei_is_date_sep(key[digits])) {
        return;
    }

    for (o = 0; o < sizeof(ei_date_orders) / sizeof(ei_date_orders[0]); o++) {
        if (ei_date_orders[o][0]->width == digits) {
            n = ei_date_len(key, avail, ei_date_orders[o]);

            if (n) {
                ei_relax(s, i, i + n, EI_DATE_BITS + EI_DATE_SEP_BITS);
            }
        }
    }
}


/*
 * The year and the dates of eight digits from i, which every form reads
 * as four numbers of two digits: YYYY MM DD, DD MM YYYY, MM DD YYYY
 */

static void
ei_match_digit_dates(ei_search_t *s, size_t i)
{
    int                   n[4], year;
    size_t                k;
    const unsigned char  *key;

    key = s->key + i;

    for (k = 0; k < 4; k++) {
        n[k] = (key[2 * k] - '0') * 10 + (key[2 * k + 1] - '0');
    }

    year = n[0] * 100 + n[1];

    if (ei_date_in(&ei_date_year, year)) {
        ei_relax(s, i, i + ei_date_year.width, EI_YEAR_BITS);

        if (ei_date_in(&ei_date_month, n[2]) && ei_date_in(&ei_date_day, n[3]))
        {
            ei_relax(s, i, i + 8, EI_DATE_BITS);
        }
    }

    if (!ei_date_in(&ei_date_year, n[2] * 100 + n[3])) {
        return;
    }

    if (ei_date_in(&ei_date_day, n[0]) && ei_date_in(&ei_date_month, n[1])) {
        ei_relax(s, i, i + 8, EI_DATE_BITS);
    }

    if (ei_date_in(&ei_date_month, n[0]) && ei_date_in(&ei_date_day, n[1])) {
        ei_relax(s, i, i + 8, EI_DATE_BITS);
    }
}


/* whether v is a value of the field */

static int
ei_date_in(const ei_date_field_t *field, int v)
{
    return v >= field->lo && v <= field->hi;
}


/* length of a date in the given order, its fields parted by one separator */

static size_t
ei_date_len(const unsigned char *key, size_t avail,
    const ei_date_field_t *const *order)
{
    size_t                  pos;
    unsigned                f, sep;
    const ei_date_field_t  *field;

    pos = 0;
    sep = 0;

    for (f = 0; f < 3; f++) {
        field = order[f];

        if (f > 0) {
            if (pos >= avail) {
                return 0;
            }

            if (f == 1) {
                sep = key[pos];

                if (!ei_is_date_sep(sep)) {
                    return 0;
                }

            } else if (key[pos] != sep) {
                return 0;
            }

            pos++;
        }

        if (avail - pos < field->width
            || !ei_date_in(field, ei_number(key + pos, field->width)))
        {
            return 0;
        }

        pos += field->width;
    }

    return pos;
}


/* whether a year of ei_date_year may start at key[at]: its century */

static int
ei_year_at(const unsigned char *key, size_t avail, size_t at)
{
    int  century;

    if (at + 2 > avail) {
        return 0;
    }

    century = ei_number(key + at, 2);

    return century >= ei_date_year.lo / 100
           && century <= ei_date_year.hi / 100;
}


/* the value of n decimal digits, or -1 */

static int
ei_number(const unsigned char *key, size_t n)
{
    int     v;
    size_t  i;

    v = 0;

    for (i = 0; i < n; i++) {
        if (key[i] < '0' || key[i] > '9') {
            return -1;
        }

        v = v * 10 + (key[i] - '0');
    }

    return v;
}

