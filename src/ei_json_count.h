/*
 * A cheap pass over a JSON body before jansson builds it (README
 * "Performance"): counts its values, so that no body makes jansson build more
 * than EI_BODY_MAX_VALUES of them.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_JSON_COUNT_H
#define EI_JSON_COUNT_H

#include <stddef.h>


/*
 * The offset at which value EI_BODY_MAX_VALUES + 1 of the top-level value
 * starts, or len when there are no more than that.
 */
size_t ei_json_count_values(const unsigned char *p, size_t len);

/* the offset of the first byte from i on that is not JSON white space */
size_t ei_json_skip_space(const unsigned char *p, size_t i, size_t len);

#endif /* EI_JSON_COUNT_H */
