/*
 * JSON verdicts: our own words for jansson's errors, and positions counted
 * as jansson counts them.
 */

#include <string.h>

#include <jansson.h>

#include "ei_json_error.h"


typedef struct {
    const char  *prefix;        /* of jansson's own text */
    size_t       len;
    const char  *text;
} ei_json_syntax_t;


static void ei_json_position(ei_verdict_t *v, long line, long column);


/*
 * Our own words for jansson's error codes: jansson's text quotes up to 20
 * bytes of the input around the error, which may be part of the hmacKey.
 * Out of memory is not here: it is an internal error, not the client's.
 */
static const char  *ei_json_errors[] = {
    [json_error_unknown] = "the body could not be parsed",
    [json_error_stack_overflow] = "nesting too deep",
    [json_error_cannot_open_file] = "the body could not be parsed",
    [json_error_invalid_argument] = "the body could not be parsed",
    [json_error_invalid_utf8] = "invalid UTF-8",
    [json_error_premature_end_of_input] = "unexpected end of input",
    [json_error_end_of_input_expected] = "unexpected data after the JSON value",
    [json_error_invalid_syntax] = "syntax error",
    [json_error_invalid_format] = "the body could not be parsed",
    [json_error_wrong_type] = "the body could not be parsed",
    [json_error_null_character] = "NUL character in a string",
    [json_error_null_value] = "the body could not be parsed",
    [json_error_null_byte_in_key] = "NUL character in a member name",
    [json_error_duplicate_key] = "duplicate member name",
    [json_error_numeric_overflow] = "number out of range",
    [json_error_item_not_found] = "the body could not be parsed",
    [json_error_index_out_of_range] = "the body could not be parsed",
};


/*
 * jansson gives every lexical error inside a string the one code
 * json_error_invalid_syntax; the start of its text (never the quoted part
 * after it) tells them apart.  Should a later jansson reword these, the
 * answer falls back to "syntax error", which is still true.
 */
static const ei_json_syntax_t  ei_json_syntax_errors[] = {
    { "invalid Unicode", 15, "invalid \\u escape or lone surrogate" },
    { "invalid escape", 14, "invalid escape sequence" },
    { "control character", 17, "control character in a string" },
    { "unexpected newline", 18, "control character in a string" },
    { "invalid token", 13, "invalid token" },
};


/*
 * Sets a JSON verdict whose position is the character at body[off], counted
 * as jansson counts: lines from 1, and in a line the characters (UTF-8
 * lead bytes and ASCII) from 1; whatever byte is at off is one.
 */
ei_reason_t
ei_json_error_at(ei_verdict_t *v, const unsigned char *body, size_t off,
    const char *text, size_t text_len)
{
    long           line, column;
    size_t         i;
    unsigned char  c;

    line = 1;
    column = 0;

    for (i = 0; i < off; i++) {
        c = body[i];

        if (c == '\n') {
            line++;
            column = 0;

        } else if (c < 0x80 || (c >= 0xc2 && c <= 0xf4)) {
            column++;
        }
    }

    ei_verdict_text(v, EI_REJECT_JSON, text, text_len);
    ei_json_position(v, line, column + 1);

    return EI_REJECT_JSON;
}


ei_reason_t
ei_json_error(const json_error_t *err, ei_verdict_t *v)
{
    size_t       i;
    const char  *text;
    unsigned     code;

    code = (unsigned) json_error_code(err);

    /*
     * jansson sets no position when it fails outside its lexer: it could
     * not allocate (its lexer or a value); not the client's doing.
     */

    if (code == json_error_out_of_memory || err->line < 1 || err->column < 0) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    if (code < sizeof(ei_json_errors) / sizeof(ei_json_errors[0])
        && ei_json_errors[code] != NULL)
    {
        text = ei_json_errors[code];

    } else {
        text = "the body could not be parsed";
    }

    if (code == json_error_invalid_syntax) {
        for (i = 0;
             i < sizeof(ei_json_syntax_errors) / sizeof(ei_json_syntax_t);
             i++)
        {
            if (strncmp(err->text, ei_json_syntax_errors[i].prefix,
                        ei_json_syntax_errors[i].len)
                == 0)
            {
                text = ei_json_syntax_errors[i].text;
                break;
            }
        }
    }

    ei_verdict_text(v, EI_REJECT_JSON, "invalid JSON: ",
                    sizeof("invalid JSON: ") - 1);
    ei_verdict_cat(v, text, strlen(text));
    ei_json_position(v, err->line, err->column);

    return EI_REJECT_JSON;
}


static void
ei_json_position(ei_verdict_t *v, long line, long column)
{
    ei_verdict_cat_lit(v, " at line ");
    ei_verdict_cat_uint(v, (size_t) line);
    ei_verdict_cat_lit(v, ", column ");
    ei_verdict_cat_uint(v, (size_t) column);
}
