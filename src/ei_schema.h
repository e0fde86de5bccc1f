/*
 * The AddHmacKeyRequest schema (README "What a request goes through", step 8)
 * on a parsed body: the three fields, their types, the name rules, case
 * variants of the field names and unknown members.
 *
 * Plain C: nothing here knows nginx.
 */

#ifndef EI_SCHEMA_H
#define EI_SCHEMA_H

#include <jansson.h>

#include "ei_body.h"
#include "ei_reason.h"


#define EI_SCHEMA_NFIELDS  3

/* the fields, in the order of the AddHmacKeyRequest document */
#define EI_SCHEMA_NAME     0
#define EI_SCHEMA_KEY      1
#define EI_SCHEMA_DEV      2


/*
 * Returns the number of schema errors, all in v in schema order; values
 * receives the members of the schema's own spelling (NULL when absent),
 * *name_ok whether the name passed its rules.
 */
int ei_schema_check(json_t *root, const ei_body_policy_t *policy,
    json_t *values[EI_SCHEMA_NFIELDS], int *name_ok, ei_verdict_t *v);

#endif /* EI_SCHEMA_H */
