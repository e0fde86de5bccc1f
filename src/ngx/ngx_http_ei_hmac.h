
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

#include "ei_body.h"
#include "ei_crypto.h"
#include "ei_denylist.h"
#include "ei_keydir.h"
#include "ei_reason.h"


#define NGX_HTTP_EI_HMAC_UNKNOWN_DROP    0
#define NGX_HTTP_EI_HMAC_UNKNOWN_REJECT  1

/* an API key file longer than this is not a key */
#define NGX_HTTP_EI_HMAC_KEY_FILE_MAX    4096


typedef struct {
    /* from ei_hmac_api_key_file, in memory excluded from core dumps */
    ngx_str_t                   value;
    /* from ei_hmac_api_key */
    ngx_http_complex_value_t   *cv;
} ngx_http_ei_hmac_key_t;


/* memory of secrets, excluded from core dumps (ngx_http_ei_hmac_conf.c) */
typedef struct {
    u_char                     *data;
    size_t                      size;
} ngx_http_ei_hmac_secret_region_t;


/* from ei_hmac_api_key_dir: the keys sorted by projectId */
typedef struct {
    ngx_str_t                   path;
    ei_keydir_entry_t          *entries;
    size_t                      n;
} ngx_http_ei_hmac_keydir_t;


typedef struct {
    ngx_flag_t                  enable;
    ngx_http_ei_hmac_key_t     *key;
    ngx_http_ei_hmac_keydir_t  *keydir;
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


/*
 * Where a request is.  The precontent handler switches on it when it runs
 * again (a write event, an internal redirect), and the request body
 * filter counts the body only while it is read.
 */
typedef enum {
    NGX_HTTP_EI_HMAC_NEW = 0,       /* nothing decided yet */
    NGX_HTTP_EI_HMAC_READING_BODY,  /* the head passed; the body is read */
    NGX_HTTP_EI_HMAC_DRAINING,      /* refused, answered once the HTTP/2
                                       body is read (ctx->pending) */
    NGX_HTTP_EI_HMAC_REFUSED,       /* answered by the gateway: ctx->reason */
    NGX_HTTP_EI_HMAC_FAILED,        /* nginx ended it while the body was
                                       read (408, 400, its own 413) */
    NGX_HTTP_EI_HMAC_FORWARDED      /* validated and rewritten for the proxy */
} ngx_http_ei_hmac_state_e;


/* what the response filters do with the response going out */
typedef enum {
    NGX_HTTP_EI_HMAC_PASS = 0,      /* pass it as it is */
    NGX_HTTP_EI_HMAC_REDACT,        /* pass it, the API key masked */
    NGX_HTTP_EI_HMAC_INSPECT,       /* header held back, the upstream's
                                       error body collected in ctx->inspect */
    NGX_HTTP_EI_HMAC_REPLACE,       /* header set; ctx->reply replaces the
                                       body */
    NGX_HTTP_EI_HMAC_SENT           /* ctx->reply went out; the rest is
                                       dropped */
} ngx_http_ei_hmac_filter_e;


typedef struct {
    ngx_http_ei_hmac_state_e    state;
    ngx_http_ei_hmac_filter_e   filter;

    /* what the variables and the log report; project_id 0: not known */
    uint64_t                    project_id;
    ei_reason_t                 reason;
    ngx_str_t                   error;
    ngx_str_t                   name;

    /* the error text of the GenericApiResponse that replaced a response */
    ngx_str_t                   sent;

    /* the location that forwarded the request (r->loc_conf then) */
    void                      **forwarded_in;
    u_char                      fingerprint[EI_FINGERPRINT_LEN + 1];

    /* the project's key from ei_hmac_api_key_dir, NULL: the location's */
    const ei_keydir_entry_t    *dir_key;

    /* why an internal failure or a missing key happened, for the log */
    const char                 *cause;

    /* buffers that held the hmacKey or the API key, cleansed at the end */
    u_char                     *canonical;
    size_t                      canonical_size;
    ngx_str_t                   key;

    /* the accepted hmacKey, escaped, in canonical: for the fingerprint */
    size_t                      hmac_key_at;
    size_t                      hmac_key_len;

    /* what the request body filter saw */
    off_t                       received;

    ei_verdict_t               *pending;

    /* the key injected for this request, masked in what comes back */
    ngx_str_t                   redact;
    u_char                     *hold;
    size_t                      hold_len;
    ngx_chain_t                *free;
    ngx_chain_t                *busy;

    ngx_buf_t                  *inspect;
    ngx_buf_t                  *reply;
    ngx_uint_t                  upstream_status;

    /* the upstream module's finalizer, wrapped by the response filters */
    void                      (*finalize)(ngx_http_request_t *r,
                                          ngx_int_t rc);
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
char *ngx_http_ei_hmac_set_enum(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
u_char *ngx_http_ei_hmac_secret_alloc(ngx_conf_t *cf, ngx_str_t *directive,
    size_t size);
ngx_int_t ngx_http_ei_hmac_read_key(ngx_conf_t *cf, ngx_str_t *directive,
    ngx_str_t *name, u_char *buf, size_t *key_len);

/* ngx_http_ei_hmac_keydir.c: ei_hmac_api_key_dir, and its key for a request */
char *ngx_http_ei_hmac_key_dir(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
ei_reason_t ngx_http_ei_hmac_dir_key(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx);

/* ngx_http_ei_hmac_handler.c: the precontent handler and refusals */
ngx_int_t ngx_http_ei_hmac_handler(ngx_http_request_t *r);
ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_get_ctx(ngx_http_request_t *r);
ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_create_ctx(ngx_http_request_t *r);
ngx_int_t ngx_http_ei_hmac_reject(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v, ngx_uint_t discard);
void ngx_http_ei_hmac_set_outcome(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);
ngx_int_t ngx_http_ei_hmac_add_allow(ngx_http_request_t *r,
    ngx_str_t *methods);
void ngx_http_ei_hmac_log_refusal(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);

/* ngx_http_ei_hmac_body.c: the body as it arrives, and its check */
void ngx_http_ei_hmac_request_body_filter_init(void);
void ngx_http_ei_hmac_body_handler(ngx_http_request_t *r);
void ngx_http_ei_hmac_cleanse_body(ngx_http_request_t *r);

/* ngx_http_ei_hmac_forward.c: the request rewritten for proxy_pass */
ngx_int_t ngx_http_ei_hmac_forward_init(void);
ei_reason_t ngx_http_ei_hmac_forward(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_body_result_t *res, ei_verdict_t *v);

/* ngx_http_ei_hmac_filter.c: the response filters */
void ngx_http_ei_hmac_filter_init(void);
ngx_int_t ngx_http_ei_hmac_redirect_handler(ngx_http_request_t *r);
ngx_int_t ngx_http_ei_hmac_refuse_redirect(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
ngx_int_t ngx_http_ei_hmac_replace(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status, const char *text,
    size_t len);
ngx_int_t ngx_http_ei_hmac_send_reply(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);

/* ngx_http_ei_hmac_mask.c: the API key masked in responses, or refused */
void ngx_http_ei_hmac_redact_headers(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
ngx_int_t ngx_http_ei_hmac_check_maskable(ngx_http_request_t *r);
void ngx_http_ei_hmac_drop_upstream(ngx_http_request_t *r);
void ngx_http_ei_hmac_clear_headers(ngx_http_request_t *r, ngx_str_t *names);
ngx_int_t ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in, ngx_chain_t **out);


#if (NGX_HTTP_EI_HMAC_FAULTS)

/*
 * Test builds only (make builds build/faults/ with this macro): a request
 * carrying "X-EI-Hmac-Fault: NAME" fails at the point of that name, as if
 * an allocation there had failed.  Release builds compile it out.
 */
ngx_uint_t ngx_http_ei_hmac_fault(ngx_http_request_t *r, const char *name);

#else

#define ngx_http_ei_hmac_fault(r, name)  0

#endif


#endif /* _NGX_HTTP_EI_HMAC_H_INCLUDED_ */
