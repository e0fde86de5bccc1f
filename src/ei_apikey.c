/*
 * What a valid server-held API key looks like: it goes into a request
 * header, so one line of visible ASCII and nothing else.
 */

#include "ei_apikey.h"


const char *
ei_apikey_file_check(const unsigned char *text, size_t len, size_t *key_len)
{
    size_t  i;

    if (len > 0 && text[len - 1] == '\n') {
        len--;
    }

    if (len == 0) {
        return "is empty";
    }

    for (i = 0; i < len; i++) {
        if (text[i] == '\r') {
            return "holds a carriage return";
        }

        if (text[i] == '\n') {
            return "holds more than one line";
        }

        if (text[i] < 0x21 || text[i] > 0x7e) {
            return "holds a space or a byte that is not visible ASCII";
        }
    }

    *key_len = len;

    return 0;
}


int
ei_apikey_value_ok(const unsigned char *value, size_t len)
{
    size_t  i;

    if (len == 0) {
        return 0;
    }

    for (i = 0; i < len; i++) {
        if (value[i] < 0x21 || value[i] > 0x7e) {
            return 0;
        }
    }

    return 1;
}
