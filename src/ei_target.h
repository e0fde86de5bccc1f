/*
 * The request target and projectId (README "What a request goes
 * through", steps 3-4), and the media type (step 5).
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_TARGET_H
#define EI_TARGET_H

#include <stddef.h>
#include <stdint.h>

#include "ei_reason.h"


#define EI_PROJECT_ID_MAX  9007199254740991ULL


/*
 * Checks the raw request target as the client sent it.  Returns EI_OK with
 * *project_id set, or EI_REJECT_URI_FORM, EI_REJECT_URI_PATH or
 * EI_REJECT_PROJECT_ID with v set.
 */
ei_reason_t ei_target_check(const unsigned char *target, size_t len,
    uint64_t *project_id, ei_verdict_t *v);

/*
 * The one rule for a projectId, in a request target and in
 * ei_hmac_projects: decimal digits, no sign, no leading zero, 1 to
 * EI_PROJECT_ID_MAX (2^53 - 1, the largest integer a JSON number keeps
 * exactly).  Returns 0 with *id set, or -1.
 */
int ei_project_id_parse(const unsigned char *p, size_t len, uint64_t *id);

/* 1 when ids (n of them) holds id; n == 0 means any project */
int ei_project_allowed(uint64_t id, const uint64_t *ids, size_t n);

/*
 * 1 when the Content-Type value is application/json with no parameter or only
 * charset=utf-8 (any case, quoted or not), 0 otherwise.
 */
int ei_media_type_ok(const unsigned char *value, size_t len);

#endif /* EI_TARGET_H */
