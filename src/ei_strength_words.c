/*
 * Dictionary words from a position, and words spelled backward that end
 * there (ei_strength_match.c): capitalized, in capitals or in leet, of
 * the list in ei_strength_lists.c.
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


static void ei_match_prefix(ei_search_t *s, size_t i, int dir, size_t avail,
    size_t id, uint32_t fourth);
static size_t ei_word_len(const unsigned char *key, size_t avail, int dir,
    const char *word, uint32_t *bits);


/*
 * Dictionary words from i on, and words spelled backward that end at i.
 * The letters that the first three characters are or stand for name the
 * prefixes tried, and the fourth must go on one of their words.
 */

void
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
