
/*
 * ngx_http_ei_hmac_module: what the glue files share.  The configuration
 * and per-request types, and the functions one phase hands to the next.
 * What a valid request is lives in src/, which knows nothing of nginx.
 */


#ifndef _NGX_HTTP_EI_HMAC_H_INCLUDED_
#define _NGX_HTTP_EI_HMAC_H_INCLUDED_


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ei_crypto.h"
#include "ei_denylist.h"
#include "ei_reason.h"


#define NGX_HTTP_EI_HMAC_UNKNOWN_DROP    0
#define NGX_HTTP_EI_HMAC_UNKNOWN_REJECT  1


typedef struct {
    /* from ei_hmac_api_key_file, in memory excluded from core dumps */
    ngx_str_t                   value;
    /* from ei_hmac_api_key */
    ngx_http_complex_value_t   *cv;
} ngx_http_ei_hmac_key_t;


typedef struct {
    ngx_flag_t                  enable;
    ngx_http_ei_hmac_key_t     *key;
    ngx_array_t                *projects;
    ngx_uint_t                  key_min_bits;
    size_t                      key_max_length;
    ei_denylist_t              *denylist;
    ngx_flag_t                  development_keys;
    ngx_uint_t                  unknown_fields;
    size_t                      name_max_length;
    size_t                      max_body_size;
    ngx_flag_t                  errors;
} ngx_http_ei_hmac_loc_conf_t;


typedef enum {
    NGX_HTTP_EI_HMAC_PASS = 0,
    NGX_HTTP_EI_HMAC_REWRITE,
    NGX_HTTP_EI_HMAC_INSPECT
} ngx_http_ei_hmac_filter_e;


typedef struct {
    ngx_int_t                   status;
    ei_reason_t                 reason;
    uint64_t                    project_id;

    ngx_str_t                   error;
    ngx_str_t                   name;
    u_char                      fingerprint[EI_FINGERPRINT_LEN + 1];

    /* buffers that held the hmacKey or the API key, cleansed at the end */
    u_char                     *canonical;
    size_t                      canonical_size;
    ngx_str_t                   key;

    off_t                       received;

    /* the key injected for this request, masked in what comes back */
    ngx_str_t                   redact;
    u_char                     *hold;
    size_t                      hold_len;
    ngx_chain_t                *free;
    ngx_chain_t                *busy;

    /* a rejection sent once the body is read */
    ei_verdict_t               *pending;

    /* response filters */
    ngx_http_ei_hmac_filter_e   filter;
    ngx_buf_t                  *inspect;
    ngx_int_t                   upstream_status;

    unsigned                    project_known:1;
    unsigned                    outcome_known:1;
    unsigned                    reading_body:1;
    unsigned                    validated:1;
    unsigned                    own_response:1;
    unsigned                    body_sent:1;
    unsigned                    redacting:1;
} ngx_http_ei_hmac_ctx_t;


extern ngx_module_t  ngx_http_ei_hmac_module;


/* ngx_http_ei_hmac_conf.c: directives that read files or parse lists */
char *ngx_http_ei_hmac_key_file(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_ei_hmac_key_value(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_ei_hmac_projects(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_ei_hmac_denylist(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
char *ngx_http_ei_hmac_check_bounds(ngx_conf_t *cf, void *post, void *data);

/* ngx_http_ei_hmac_handler.c: the precontent handler and refusals */
ngx_int_t ngx_http_ei_hmac_handler(ngx_http_request_t *r);
ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_get_ctx(ngx_http_request_t *r);
ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_create_ctx(ngx_http_request_t *r);
ngx_int_t ngx_http_ei_hmac_reject(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v, ngx_uint_t discard);
void ngx_http_ei_hmac_set_outcome(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);

/* ngx_http_ei_hmac_forward.c: the body, its check, and forwarding */
void ngx_http_ei_hmac_body_handler(ngx_http_request_t *r);
void ngx_http_ei_hmac_cleanse_body(ngx_http_request_t *r);
void ngx_http_ei_hmac_request_body_filter_init(void);

/* ngx_http_ei_hmac_filter.c: the response filters */
void ngx_http_ei_hmac_filter_init(void);
ngx_int_t ngx_http_ei_hmac_set_error(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status, const char *text,
    size_t len);
ngx_int_t ngx_http_ei_hmac_send_error_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);

/* ngx_http_ei_hmac_mask.c: the API key masked in responses */
void ngx_http_ei_hmac_redact_headers(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
ngx_int_t ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in, ngx_chain_t **out);


#endif /* _NGX_HTTP_EI_HMAC_H_INCLUDED_ */
