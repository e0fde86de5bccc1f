/*
 * Reasons a request is answered by the gateway itself, with the HTTP status,
 * the $ei_hmac_outcome word and the fixed part of the error text of each.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_REASON_H
#define EI_REASON_H

#include <stddef.h>


typedef enum {
    EI_OK = 0,
    EI_REJECT_METHOD,           /* 405 */
    EI_REJECT_URI_FORM,         /* 400: target not in canonical form */
    EI_REJECT_URI_PATH,         /* 404: canonical, but not .../api/N/hmackeys */
    EI_REJECT_PROJECT_ID,       /* 400 */
    EI_REJECT_PROJECT,          /* 403: not in ei_hmac_projects */
    EI_REJECT_MEDIA_TYPE,       /* 415 */
    EI_REJECT_EMPTY,            /* 400 */
    EI_REJECT_TOO_LARGE,        /* 413 */
    EI_REJECT_JSON,             /* 400 */
    EI_REJECT_SCHEMA,           /* 400 */
    EI_REJECT_WEAK_KEY,         /* 400 */
    EI_REJECT_DENYLISTED,       /* 400 */
    EI_REJECT_DEV_KEY,          /* 403 */
    EI_ERROR_NO_KEY,            /* 500 */
    EI_ERROR_INTERNAL,          /* 500: out of memory, a rewritten target */
    EI_REASON_MAX
} ei_reason_t;


typedef struct {
    int          status;
    const char  *outcome;       /* $ei_hmac_outcome, "" when none fits */
    const char  *text;          /* default error text */
} ei_reason_info_t;


/*
 * Room for the longest error text the gateway produces, without the JSON
 * around it: every schema error of one body at once, the unknown-field one
 * naming five members of 64 bytes, each byte escaped (about 2,400 bytes).
 */
#define EI_MSG_MAX  2560


typedef struct {
    ei_reason_t  reason;
    size_t       len;
    char         msg[EI_MSG_MAX];
} ei_verdict_t;


const ei_reason_info_t *ei_reason_info(ei_reason_t reason);

/* sets reason and the reason's default text; returns reason */
ei_reason_t ei_verdict_set(ei_verdict_t *v, ei_reason_t reason);

/* sets reason and a printf-formatted text (truncated to EI_MSG_MAX - 1) */
ei_reason_t ei_verdict_fmt(ei_verdict_t *v, ei_reason_t reason,
    const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

/*
 * Sets reason and the len bytes of text (truncated to EI_MSG_MAX - 1);
 * returns reason.  With ei_verdict_cat* below, texts are built without
 * printf.
 */
ei_reason_t ei_verdict_text(ei_verdict_t *v, ei_reason_t reason,
    const char *text, size_t len);

/* appends len bytes of s (truncated to EI_MSG_MAX - 1); reason unchanged */
void ei_verdict_cat(ei_verdict_t *v, const char *s, size_t len);

/* appends n in decimal */
void ei_verdict_cat_uint(ei_verdict_t *v, size_t n);

#define ei_verdict_cat_lit(v, lit)  ei_verdict_cat(v, lit, sizeof(lit) - 1)

/* EI_REJECT_TOO_LARGE, with the limit in the text */
ei_reason_t ei_verdict_too_large(ei_verdict_t *v, size_t max);

/* appends "; " (when not empty) and a formatted text; reason unchanged */
void ei_verdict_append(ei_verdict_t *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/*
 * Writes {"success":false,"error":"<msg>"} into out, escaping the text for
 * JSON; returns the length, or 0 when cap is too small.
 * ei_error_body_size() is exactly enough, EI_ERROR_BODY_MAX always.
 */
#define EI_ERROR_BODY_MAX  (EI_MSG_MAX * 6 + 64)

size_t ei_error_body(const char *msg, size_t len, char *out, size_t cap);

/* the length of ei_error_body()'s answer for msg */
size_t ei_error_body_size(const char *msg, size_t len);

#endif /* EI_REASON_H */
