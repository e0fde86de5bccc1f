/*
 * The patterns found at one position of a window (README "How hmacKey
 * strength is estimated"): the kinds that the glance shows may start
 * there are looked for, each in its file, and each offers its cost to
 * ei_relax() (ei_strength_search.h), which keeps the cheapest description
 * of the rest of the key, or, while bounding, the most that one pattern
 * there saves.
 *
 *   ei_strength_repeats.c  repeats and steps
 *   ei_strength_walks.c    keyboard walks
 *   ei_strength_words.c    dictionary words
 *   ei_strength_dates.c    years and dates
 */

#include <stdint.h>
#include <string.h>

#include "ei_strength_search.h"


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
