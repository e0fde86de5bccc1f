/*
 * JSON verdicts in our own words, with jansson's position (README "JSON
 * parsing"), never jansson's text: it quotes the input, which may hold the
 * hmacKey.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_JSON_ERROR_H
#define EI_JSON_ERROR_H

#include <stddef.h>

#include <jansson.h>

#include "ei_reason.h"


/*
 * Sets the EI_REJECT_JSON verdict text whose position is the character at
 * body[off], counted as jansson counts.
 */
ei_reason_t ei_json_error_at(ei_verdict_t *v, const unsigned char *body,
    size_t off, const char *text, size_t text_len);

/*
 * Sets the verdict of a parse jansson refused: EI_REJECT_JSON, or
 * EI_ERROR_INTERNAL when it failed for want of memory.
 */
ei_reason_t ei_json_error(const json_error_t *err, ei_verdict_t *v);

#endif /* EI_JSON_ERROR_H */
