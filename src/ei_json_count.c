/*
 * Counting the values of a JSON body without building them: one pass,
 * memchr() through strings, eight spaces at a time through padding.
 */

#include <stdint.h>
#include <string.h>

#include "ei_body.h"
#include "ei_json_count.h"


/* the bytes the value count tells apart; 0 is any other byte */
enum {
    EI_JSON_C_OTHER = 0,
    EI_JSON_C_SPACE,
    EI_JSON_C_OPEN,
    EI_JSON_C_CLOSE,
    EI_JSON_C_COLON,
    EI_JSON_C_COMMA,
    EI_JSON_C_QUOTE
};

static const unsigned char  ei_json_class[256] = {
    [' '] = EI_JSON_C_SPACE, ['\t'] = EI_JSON_C_SPACE,
    ['\n'] = EI_JSON_C_SPACE, ['\r'] = EI_JSON_C_SPACE,
    ['{'] = EI_JSON_C_OPEN, ['['] = EI_JSON_C_OPEN,
    ['}'] = EI_JSON_C_CLOSE, [']'] = EI_JSON_C_CLOSE,
    [':'] = EI_JSON_C_COLON, [','] = EI_JSON_C_COMMA,
    ['"'] = EI_JSON_C_QUOTE,
};


static size_t ei_json_skip_string(const unsigned char *p, size_t i,
    size_t len);


/*
 * Counts the values of the top-level value the way a JSON parser sees them
 * (an object, an array, a string that is not a member name, a number,
 * true, false, null), checking nothing else; returns the offset at which
 * value EI_BODY_MAX_VALUES + 1 starts, or len when there are no more than
 * that.  Whatever follows the top-level value is jansson's to refuse.
 */
size_t
ei_json_count_values(const unsigned char *p, size_t len)
{
    int            name_next;
    size_t         i, n, depth;
    unsigned char  in_object[EI_BODY_MAX_VALUES + 1];

    /*
     * Every container is a value, so the depth never passes the count:
     * in_object[] cannot overflow.
     */

    /*
     * Each value starts at a byte of its own, so value
     * EI_BODY_MAX_VALUES + 1 starts at that offset or later: a shorter
     * body, as every honest one is, needs no count.
     */

    if (len <= EI_BODY_MAX_VALUES) {
        return len;
    }

    n = 0;
    depth = 0;
    name_next = 0;

    for (i = 0; i < len; i++) {

        switch (ei_json_class[p[i]]) {

        case EI_JSON_C_SPACE:
            i = ei_json_skip_space(p, i + 1, len) - 1;
            continue;

        case EI_JSON_C_OPEN:
            if (n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = (p[i] == '{');
            in_object[depth++] = (unsigned char) name_next;
            break;

        case EI_JSON_C_CLOSE:
            if (depth <= 1) {
                return len;
            }

            depth--;
            name_next = 0;
            break;

        case EI_JSON_C_COLON:
            name_next = 0;
            break;

        case EI_JSON_C_COMMA:
            name_next = (depth > 0 && in_object[depth - 1]);
            break;

        case EI_JSON_C_QUOTE:
            if (!name_next && n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = 0;
            i = ei_json_skip_string(p, i + 1, len);

            if (depth == 0) {
                return len;
            }

            break;

        default:
            /* a number, a literal, or a token jansson will refuse */

            if (n++ == EI_BODY_MAX_VALUES) {
                return i;
            }

            name_next = 0;

            while (i + 1 < len && ei_json_class[p[i + 1]] == EI_JSON_C_OTHER) {
                i++;
            }

            if (depth == 0) {
                return len;
            }
        }
    }

    return len;
}


/*
 * The offset of the first byte from i on that is not JSON white space.
 * Runs of spaces, the usual padding, go eight bytes at a time.
 */
size_t
ei_json_skip_space(const unsigned char *p, size_t i, size_t len)
{
    uint64_t  w;

    while (len - i >= 8) {
        memcpy(&w, p + i, 8);

        if (w != 0x2020202020202020ULL) {
            break;
        }

        i += 8;
    }

    while (i < len && ei_json_class[p[i]] == EI_JSON_C_SPACE) {
        i++;
    }

    return i;
}


/*
 * The offset of the quote that closes the string whose content starts at
 * i (len when there is none): the next quote not escaped, that is, not
 * after an odd run of backslashes.  memchr() goes through most of a
 * string at a fraction of an instruction a byte; each backslash is looked
 * at again at most once, from the quote right after its run.
 */
static size_t
ei_json_skip_string(const unsigned char *p, size_t i, size_t len)
{
    size_t                q, k;
    const unsigned char  *hit;

    while (i < len) {
        hit = memchr(p + i, '"', len - i);
        if (hit == NULL) {
            return len;
        }

        q = (size_t) (hit - p);

        for (k = q; k > i && p[k - 1] == '\\'; k--) {
            /* void */
        }

        if ((q - k) % 2 == 0) {
            return q;
        }

        i = q + 1;
    }

    return len;
}
