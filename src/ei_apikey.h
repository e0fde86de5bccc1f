/*
 * The server-held Studio API key: what a valid one looks like.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_APIKEY_H
#define EI_APIKEY_H

#include <stddef.h>


/*
 * Checks the content of an API key file: one line of visible ASCII
 * (0x21-0x7E), one trailing LF ignored.  Returns NULL and sets *key_len, or
 * a short text saying what is wrong ("is empty", "holds a carriage return",
 * ...), which never quotes the content.
 */
const char *ei_apikey_file_check(const unsigned char *text, size_t len,
    size_t *key_len);

/* 1 when value is a non-empty string of visible ASCII, 0 otherwise */
int ei_apikey_value_ok(const unsigned char *value, size_t len);

#endif /* EI_APIKEY_H */
