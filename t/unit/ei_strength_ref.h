/*
 * The reference build of the hmacKey strength estimate, for the tests that
 * hold the fast path to it (t/fuzz/fuzz_strength.c, the weak corpus and
 * generator forms of t/unit/test_strength_stats.c): the estimate's files
 * of src/ compiled again into the including file with EI_STRENGTH_REFERENCE
 * 1, which leaves out the bound, points every matcher at every position
 * instead of where the glance shows a pattern may start, and looks for
 * repeats at every period instead of along the hash chains.  What it
 * keeps are the patterns and their costs, so the two must agree bit for
 * bit; where they do not, an optimization lost a pattern.
 *
 *   ei_ref_strength_bits()     ei_strength_bits() of the reference
 *
 * Include it once, in a file linked with the files of src/.
 */

#ifndef EI_STRENGTH_REF_H
#define EI_STRENGTH_REF_H

#include "ei_strength.h"

#define EI_STRENGTH_REFERENCE   1
#define ei_strength_bits        ei_ref_strength_bits
#define ei_strength_check       ei_ref_strength_check
#define ei_strength_window      ei_ref_strength_window
#define ei_strength_match       ei_ref_strength_match
#define ei_word_prefixes        ei_ref_word_prefixes
#define ei_word_prefixes_keep   ei_ref_word_prefixes_keep
#define ei_patterns_may_count   ei_ref_patterns_may_count
#define ei_search               ei_ref_search
#define ei_match_repeats        ei_ref_match_repeats
#define ei_match_repeats_tiny   ei_ref_match_repeats_tiny
#define ei_match_steps          ei_ref_match_steps
#define ei_match_walks          ei_ref_match_walks
#define ei_match_words          ei_ref_match_words
#define ei_match_dates          ei_ref_match_dates

unsigned ei_ref_strength_bits(const unsigned char *key, size_t len);
ei_reason_t ei_ref_strength_check(const unsigned char *key, size_t len,
    const ei_strength_policy_t *policy, unsigned *bits, ei_verdict_t *v);

#include "../../src/ei_strength.c"
#include "../../src/ei_strength_search.c"
#include "../../src/ei_strength_window.c"
#include "../../src/ei_strength_match.c"
#include "../../src/ei_strength_repeats.c"
#include "../../src/ei_strength_walks.c"
#include "../../src/ei_strength_words.c"
#include "../../src/ei_strength_dates.c"

#undef ei_strength_bits
#undef ei_strength_check
#undef ei_strength_window
#undef ei_strength_match
#undef ei_word_prefixes
#undef ei_word_prefixes_keep
#undef ei_patterns_may_count
#undef ei_search
#undef ei_match_repeats
#undef ei_match_repeats_tiny
#undef ei_match_steps
#undef ei_match_walks
#undef ei_match_words
#undef ei_match_dates

#endif /* EI_STRENGTH_REF_H */
