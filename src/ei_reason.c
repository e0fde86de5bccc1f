/*
 * Reasons, their statuses, outcome words and default texts: one table.
 */

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "ei_reason.h"


static const ei_reason_info_t  ei_reasons[EI_REASON_MAX] = {
    [EI_OK] = { 200, "forwarded", "" },
    [EI_REJECT_METHOD] = { 405, "rejected_method",
        "method not allowed: use POST" },
    [EI_REJECT_URI_FORM] = { 400, "rejected_uri",
        "request target must be canonical: no percent-encoding, dot or empty "
        "segments, parameters, query or fragment" },
    [EI_REJECT_URI_PATH] = { 404, "rejected_uri",
        "not found: the gateway serves POST /v1/api/{projectId}/hmackeys" },
    [EI_REJECT_PROJECT_ID] = { 400, "rejected_project_id",
        "projectId must be an integer from 1 to 9007199254740991" },
    [EI_REJECT_PROJECT] = { 403, "rejected_project",
        "project is not served by this gateway" },
    [EI_REJECT_MEDIA_TYPE] = { 415, "rejected_media_type",
        "Content-Type must be application/json" },
    [EI_REJECT_EMPTY] = { 400, "rejected_empty",
        "request body is required" },
    [EI_REJECT_TOO_LARGE] = { 413, "rejected_too_large",
        "request body is too large" },
    [EI_REJECT_JSON] = { 400, "rejected_json",
        "invalid JSON" },
    [EI_REJECT_SCHEMA] = { 400, "rejected_schema",
        "request body does not match AddHmacKeyRequest" },
    [EI_REJECT_WEAK_KEY] = { 400, "rejected_weak_key",
        "hmacKey is too weak" },
    [EI_REJECT_DENYLISTED] = { 400, "rejected_denylisted",
        "hmacKey is on the deny list of compromised keys" },
    [EI_REJECT_DEV_KEY] = { 403, "rejected_development_key",
        "development keys are not accepted by this gateway" },
    [EI_ERROR_NO_KEY] = { 500, "error_no_key",
        "gateway has no valid API key for this project" },
    [EI_ERROR_INTERNAL] = { 500, "",
        "internal server error" },
};


const ei_reason_info_t *
ei_reason_info(ei_reason_t reason)
{
    if ((unsigned) reason >= EI_REASON_MAX) {
        reason = EI_ERROR_INTERNAL;
    }

    return &ei_reasons[reason];
}


ei_reason_t
ei_verdict_set(ei_verdict_t *v, ei_reason_t reason)
{
    const char  *text;

    if (reason == EI_OK) {
        /* no text: a check passed, on every request */
        v->reason = EI_OK;
        v->len = 0;
        v->msg[0] = '\0';

        return EI_OK;
    }

    text = ei_reason_info(reason)->text;

    v->reason = reason;
    v->len = strlen(text);
    memcpy(v->msg, text, v->len + 1);

    return reason;
}


ei_reason_t
ei_verdict_fmt(ei_verdict_t *v, ei_reason_t reason, const char *fmt, ...)
{
    int      n;
    va_list  args;

    va_start(args, fmt);
    n = vsnprintf(v->msg, EI_MSG_MAX, fmt, args);
    va_end(args);

    v->reason = reason;
    v->len = (n < 0) ? 0 : ((size_t) n >= EI_MSG_MAX) ? EI_MSG_MAX - 1
                                                      : (size_t) n;
    v->msg[v->len] = '\0';

    return reason;
}


ei_reason_t
ei_verdict_text(ei_verdict_t *v, ei_reason_t reason, const char *text,
    size_t len)
{
    v->reason = reason;
    v->len = 0;
    ei_verdict_cat(v, text, len);

    return reason;
}


void
ei_verdict_cat(ei_verdict_t *v, const char *s, size_t len)
{
    size_t  room;

    room = EI_MSG_MAX - 1 - v->len;

    if (len > room) {
        len = room;
    }

    memcpy(v->msg + v->len, s, len);
    v->len += len;
    v->msg[v->len] = '\0';
}


void
ei_verdict_cat_uint(ei_verdict_t *v, size_t n)
{
    char   digits[24], *p;

    p = digits + sizeof(digits);

    do {
        *--p = (char) ('0' + n % 10);
        n /= 10;
    } while (n);

    ei_verdict_cat(v, p, (size_t) (digits + sizeof(digits) - p));
}


ei_reason_t
ei_verdict_too_large(ei_verdict_t *v, size_t max)
{
    ei_verdict_text(v, EI_REJECT_TOO_LARGE,
                    "request body is too large: at most ",
                    sizeof("request body is too large: at most ") - 1);
    ei_verdict_cat_uint(v, max);
    ei_verdict_cat_lit(v, " bytes");

    return EI_REJECT_TOO_LARGE;
}


void
ei_verdict_append(ei_verdict_t *v, const char *fmt, ...)
{
    int      n;
    size_t   room;
    va_list  args;

    if (v->len > 0 && v->len + 2 < EI_MSG_MAX) {
        memcpy(v->msg + v->len, "; ", 3);
        v->len += 2;
    }

    room = EI_MSG_MAX - v->len;

    va_start(args, fmt);
    n = vsnprintf(v->msg + v->len, room, fmt, args);
    va_end(args);

    if (n > 0) {
        v->len += ((size_t) n >= room) ? room - 1 : (size_t) n;
    }

    v->msg[v->len] = '\0';
}


static const char  ei_error_head[] = "{\"success\":false,\"error\":\"";
static const char  ei_error_tail[] = "\"}";

#define EI_ERROR_HEAD  (sizeof(ei_error_head) - 1)
#define EI_ERROR_TAIL  (sizeof(ei_error_tail) - 1)


/* the bytes a byte of the text grows by when escaped for JSON */
static const unsigned char  ei_error_extra[256] = {
    [0x00] = 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    [0x10] = 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5,
    ['"'] = 1, ['\\'] = 1, [0x7f] = 5,
};


size_t
ei_error_body_size(const char *msg, size_t len)
{
    size_t  i, n;

    n = EI_ERROR_HEAD + len + EI_ERROR_TAIL;

    for (i = 0; i < len; i++) {
        n += ei_error_extra[(unsigned char) msg[i]];
    }

    return n;
}


size_t
ei_error_body(const char *msg, size_t len, char *out, size_t cap)
{
    static const char  hex[] = "0123456789abcdef";
    size_t             i, run, n;
    unsigned char      c;

    if (cap < EI_ERROR_HEAD + len + EI_ERROR_TAIL) {
        return 0;
    }

    memcpy(out, ei_error_head, EI_ERROR_HEAD);
    n = EI_ERROR_HEAD;

    /*
     * runs that need no escape are copied at once; room is checked again
     * as each escape makes the answer grow
     */

    for (i = 0; i < len; i = run + 1) {
        for (run = i; run < len && !ei_error_extra[(unsigned char) msg[run]];
             run++)
        {
            /* void */
        }

        memcpy(out + n, msg + i, run - i);
        n += run - i;

        if (run == len) {
            break;
        }

        c = (unsigned char) msg[run];

        if (cap - n < 1 + ei_error_extra[c] + (len - run - 1) + EI_ERROR_TAIL)
        {
            return 0;
        }

        out[n++] = '\\';

        if (ei_error_extra[c] == 1) {
            out[n++] = (char) c;
            continue;
        }

        out[n++] = 'u';
        out[n++] = '0';
        out[n++] = '0';
        out[n++] = hex[c >> 4];
        out[n++] = hex[c & 0xf];
    }

    memcpy(out + n, ei_error_tail, EI_ERROR_TAIL);

    return n + EI_ERROR_TAIL;
}
