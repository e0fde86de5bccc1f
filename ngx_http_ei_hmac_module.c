
/*
 * ngx_http_ei_hmac_module: nginx as a credential-holding gateway for
 * Edge Impulse Studio's POST /v1/api/{projectId}/hmackeys.
 *
 * This file is the nginx glue only: directives, configuration, the
 * precontent phase handler, the request body filter, the response filters
 * and the variables.  What a valid request is lives in src/, which knows
 * nothing of nginx.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include <sys/mman.h>

#include "ei_apikey.h"
#include "ei_body.h"
#include "ei_crypto.h"
#include "ei_denylist.h"
#include "ei_reason.h"
#include "ei_redact.h"
#include "ei_response.h"
#include "ei_strength.h"
#include "ei_target.h"


#define NGX_HTTP_EI_HMAC_UNKNOWN_DROP    0
#define NGX_HTTP_EI_HMAC_UNKNOWN_REJECT  1

/* an API key file longer than this is not a key */
#define NGX_HTTP_EI_HMAC_KEY_FILE_MAX    4096

/* a denylist of a million digests */
#define NGX_HTTP_EI_HMAC_DENYLIST_MAX    (96 * 1024 * 1024)

/* upstream error bodies inspected for a GenericApiResponse, at most */
#define NGX_HTTP_EI_HMAC_INSPECT_MAX     16384


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


static ngx_int_t ngx_http_ei_hmac_handler(ngx_http_request_t *r);
static ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_get_ctx(ngx_http_request_t *r);
static ngx_http_ei_hmac_ctx_t *ngx_http_ei_hmac_create_ctx(
    ngx_http_request_t *r);
static void ngx_http_ei_hmac_cleanup(void *data);
static ei_reason_t ngx_http_ei_hmac_check_head(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v);
static void ngx_http_ei_hmac_body_handler(ngx_http_request_t *r);
#if (NGX_HTTP_V2)
static ngx_int_t ngx_http_ei_hmac_reject_after_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);
static void ngx_http_ei_hmac_pending_handler(ngx_http_request_t *r);
#endif
static ei_reason_t ngx_http_ei_hmac_check_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v);
static u_char *ngx_http_ei_hmac_flatten_body(ngx_http_request_t *r,
    size_t max, size_t *len);
static void ngx_http_ei_hmac_cleanse_body(ngx_http_request_t *r);
static ei_reason_t ngx_http_ei_hmac_forward(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_body_result_t *res, ei_verdict_t *v);
static ngx_int_t ngx_http_ei_hmac_rewrite_headers(ngx_http_request_t *r,
    ngx_str_t *key);
static ngx_int_t ngx_http_ei_hmac_reject(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v, ngx_uint_t discard);
static void ngx_http_ei_hmac_set_outcome(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);

static ngx_int_t ngx_http_ei_hmac_request_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_ei_hmac_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_set_error(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status, const char *text,
    size_t len);
static ngx_int_t ngx_http_ei_hmac_send_error_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_uint_t ngx_http_ei_hmac_upstream_failed(ngx_http_request_t *r);
static ngx_str_t *ngx_http_ei_hmac_status_text(ngx_http_ei_hmac_ctx_t *ctx,
    ngx_uint_t status);
static void ngx_http_ei_hmac_consume(ngx_chain_t *in);
static void ngx_http_ei_hmac_clear_header(ngx_http_request_t *r,
    ngx_str_t *name);
static void ngx_http_ei_hmac_redact_headers(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_int_t ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in);

static ngx_int_t ngx_http_ei_hmac_variable(ngx_http_request_t *r,
    ngx_http_variable_value_t *v, uintptr_t data);

static char *ngx_http_ei_hmac_key_file(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_ei_hmac_key_value(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static ngx_int_t ngx_http_ei_hmac_read_file(ngx_conf_t *cf,
    ngx_str_t *directive, ngx_str_t *name, size_t max, u_char **buf,
    size_t *len, ngx_file_info_t *fi);
static ngx_int_t ngx_http_ei_hmac_key_memory(ngx_conf_t *cf,
    ngx_http_ei_hmac_key_t *key, u_char *data, size_t len);
static void ngx_http_ei_hmac_key_cleanup(void *data);
static char *ngx_http_ei_hmac_projects(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static char *ngx_http_ei_hmac_denylist(ngx_conf_t *cf, ngx_command_t *cmd,
    void *conf);
static void ngx_http_ei_hmac_denylist_cleanup(void *data);
static char *ngx_http_ei_hmac_check_bounds(ngx_conf_t *cf, void *post,
    void *data);
static ngx_int_t ngx_http_ei_hmac_add_variables(ngx_conf_t *cf);
static void *ngx_http_ei_hmac_create_loc_conf(ngx_conf_t *cf);
static char *ngx_http_ei_hmac_merge_loc_conf(ngx_conf_t *cf, void *parent,
    void *child);
static void ngx_http_ei_hmac_crypto_cleanup(void *data);
static ngx_int_t ngx_http_ei_hmac_init(ngx_conf_t *cf);


static ngx_conf_num_bounds_t  ngx_http_ei_hmac_min_bits_bounds = {
    ngx_http_ei_hmac_check_bounds, 0, 1024
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_key_length_bounds = {
    ngx_http_ei_hmac_check_bounds, 1, 1024
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_name_length_bounds = {
    ngx_http_ei_hmac_check_bounds, 1, 65536
};

static ngx_conf_num_bounds_t  ngx_http_ei_hmac_body_size_bounds = {
    ngx_http_ei_hmac_check_bounds, 2, 16 * 1024 * 1024
};


static ngx_conf_enum_t  ngx_http_ei_hmac_unknown_fields[] = {
    { ngx_string("drop"), NGX_HTTP_EI_HMAC_UNKNOWN_DROP },
    { ngx_string("reject"), NGX_HTTP_EI_HMAC_UNKNOWN_REJECT },
    { ngx_null_string, 0 }
};


static ngx_command_t  ngx_http_ei_hmac_commands[] = {

    { ngx_string("ei_hmac"),
      NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, enable),
      NULL },

    { ngx_string("ei_hmac_api_key_file"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_key_file,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_api_key"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_key_value,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_projects"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_1MORE,
      ngx_http_ei_hmac_projects,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_key_min_bits"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_num_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, key_min_bits),
      &ngx_http_ei_hmac_min_bits_bounds },

    { ngx_string("ei_hmac_key_max_length"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, key_max_length),
      &ngx_http_ei_hmac_key_length_bounds },

    { ngx_string("ei_hmac_key_denylist"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_http_ei_hmac_denylist,
      NGX_HTTP_LOC_CONF_OFFSET,
      0,
      NULL },

    { ngx_string("ei_hmac_development_keys"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, development_keys),
      NULL },

    { ngx_string("ei_hmac_unknown_fields"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_enum_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, unknown_fields),
      &ngx_http_ei_hmac_unknown_fields },

    { ngx_string("ei_hmac_name_max_length"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, name_max_length),
      &ngx_http_ei_hmac_name_length_bounds },

    { ngx_string("ei_hmac_max_body_size"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_TAKE1,
      ngx_conf_set_size_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, max_body_size),
      &ngx_http_ei_hmac_body_size_bounds },

    { ngx_string("ei_hmac_errors"),
      NGX_HTTP_MAIN_CONF|NGX_HTTP_SRV_CONF|NGX_HTTP_LOC_CONF|NGX_CONF_FLAG,
      ngx_conf_set_flag_slot,
      NGX_HTTP_LOC_CONF_OFFSET,
      offsetof(ngx_http_ei_hmac_loc_conf_t, errors),
      NULL },

      ngx_null_command
};


static ngx_http_module_t  ngx_http_ei_hmac_module_ctx = {
    ngx_http_ei_hmac_add_variables,        /* preconfiguration */
    ngx_http_ei_hmac_init,                 /* postconfiguration */

    NULL,                                  /* create main configuration */
    NULL,                                  /* init main configuration */

    NULL,                                  /* create server configuration */
    NULL,                                  /* merge server configuration */

    ngx_http_ei_hmac_create_loc_conf,      /* create location configuration */
    ngx_http_ei_hmac_merge_loc_conf        /* merge location configuration */
};


ngx_module_t  ngx_http_ei_hmac_module = {
    NGX_MODULE_V1,
    &ngx_http_ei_hmac_module_ctx,          /* module context */
    ngx_http_ei_hmac_commands,             /* module directives */
    NGX_HTTP_MODULE,                       /* module type */
    NULL,                                  /* init master */
    NULL,                                  /* init module */
    NULL,                                  /* init process */
    NULL,                                  /* init thread */
    NULL,                                  /* exit thread */
    NULL,                                  /* exit process */
    NULL,                                  /* exit master */
    NGX_MODULE_V1_PADDING
};


/* request headers that carry a credential: never forwarded */
static ngx_str_t  ngx_http_ei_hmac_credentials[] = {
    ngx_string("x-api-key"),
    ngx_string("x-jwt-token"),
    ngx_string("authorization"),
    ngx_string("proxy-authorization"),
    ngx_string("cookie"),

    /* a compressed answer could hide the key from the redaction */
    ngx_string("accept-encoding"),

    /* replaced by the module's own, for the canonical body */
    ngx_string("content-type"),
    ngx_string("content-length"),
    ngx_string("transfer-encoding"),
    ngx_null_string
};


/* short reasons for error statuses that nginx or the upstream produce */
typedef struct {
    ngx_uint_t                  status;
    ngx_str_t                   text;
} ngx_http_ei_hmac_status_text_t;


static ngx_http_ei_hmac_status_text_t  ngx_http_ei_hmac_status_texts[] = {
    { NGX_HTTP_BAD_REQUEST, ngx_string("bad request") },
    { NGX_HTTP_UNAUTHORIZED, ngx_string("authentication required") },
    { NGX_HTTP_FORBIDDEN, ngx_string("forbidden") },
    { NGX_HTTP_NOT_FOUND, ngx_string("not found") },
    { NGX_HTTP_NOT_ALLOWED, ngx_string("method not allowed: use POST") },
    { NGX_HTTP_REQUEST_TIME_OUT, ngx_string("request timed out") },
    { NGX_HTTP_REQUEST_ENTITY_TOO_LARGE,
      ngx_string("request body is too large") },
    { NGX_HTTP_REQUEST_URI_TOO_LARGE, ngx_string("request target too long") },
    { NGX_HTTP_TOO_MANY_REQUESTS, ngx_string("too many requests") },
    { NGX_HTTP_INTERNAL_SERVER_ERROR, ngx_string("internal server error") },
    { NGX_HTTP_NOT_IMPLEMENTED, ngx_string("not implemented") },
    { NGX_HTTP_BAD_GATEWAY, ngx_string("upstream is unavailable") },
    { NGX_HTTP_SERVICE_UNAVAILABLE, ngx_string("service unavailable") },
    { NGX_HTTP_GATEWAY_TIME_OUT, ngx_string("upstream timed out") },
    { 0, ngx_null_string }
};


static ngx_str_t  ngx_http_ei_hmac_json_type = ngx_string("application/json");

static ngx_str_t  ngx_http_ei_hmac_upstream_401 =
    ngx_string("upstream rejected the gateway's API key");

static ngx_str_t  ngx_http_ei_hmac_www_auth = ngx_string("WWW-Authenticate");

static ngx_str_t  ngx_http_ei_hmac_upstream_invalid =
    ngx_string("upstream sent an invalid response");


enum {
    NGX_HTTP_EI_HMAC_VAR_PROJECT_ID = 0,
    NGX_HTTP_EI_HMAC_VAR_KEY_NAME,
    NGX_HTTP_EI_HMAC_VAR_FINGERPRINT,
    NGX_HTTP_EI_HMAC_VAR_OUTCOME,
    NGX_HTTP_EI_HMAC_VAR_ERROR
};


static ngx_http_variable_t  ngx_http_ei_hmac_vars[] = {

    { ngx_string("ei_hmac_project_id"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_PROJECT_ID, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_key_name"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_KEY_NAME, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_key_fingerprint"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_FINGERPRINT, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_outcome"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_OUTCOME, NGX_HTTP_VAR_NOCACHEABLE, 0 },

    { ngx_string("ei_hmac_error"), NULL, ngx_http_ei_hmac_variable,
      NGX_HTTP_EI_HMAC_VAR_ERROR, NGX_HTTP_VAR_NOCACHEABLE, 0 },

      ngx_http_null_variable
};


static ngx_http_request_body_filter_pt   ngx_http_next_request_body_filter;
static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


static ngx_int_t
ngx_http_ei_hmac_handler(ngx_http_request_t *r)
{
    ngx_int_t                     rc;
    ei_verdict_t                  v;
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    if (r != r->main) {
        return NGX_DECLINED;
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    if (!hlcf->enable) {
        return NGX_DECLINED;
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (!r->valid_unparsed_uri) {
        /*
         * rewrite, try_files or error_page changed the target: the proxy
         * would send r->uri, not the target the client sent and the module
         * checks
         */

        if (ctx == NULL) {
            ctx = ngx_http_ei_hmac_create_ctx(r);
            if (ctx == NULL) {
                return NGX_HTTP_INTERNAL_SERVER_ERROR;
            }
        }

        if (ctx->validated || ctx->outcome_known || r->err_status) {
            return r->err_status ? r->err_status
                                 : NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "ei_hmac refuses a request whose target was changed "
                      "inside nginx (rewrite, try_files, error_page)");

        (void) ei_verdict_set(&v, EI_ERROR_INTERNAL);

        return ngx_http_ei_hmac_reject(r, ctx, &v, 1);
    }

    if (ctx && ctx->validated) {
        /*
         * an internal redirect after the request was validated and its
         * headers and body rewritten: doing it again would check the
         * canonical body and inject a key twice
         */
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac handler: already validated");
        return NGX_DECLINED;
    }

    if (ctx && ctx->reading_body && !r->internal) {
        return ctx->status;
    }

    if (ctx && r->internal) {
        /*
         * error_page into this location after the request was refused, or
         * after nginx failed it while its body was read: it is not
         * validated, and never goes upstream
         */

        ctx->reading_body = 0;

        return r->err_status ? r->err_status : NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    if (ctx == NULL) {
        ctx = ngx_http_ei_hmac_create_ctx(r);
        if (ctx == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac handler");

    if (ngx_http_ei_hmac_check_head(r, hlcf, ctx, &v) != EI_OK) {

#if (NGX_HTTP_V2)
        /*
         * an HTTP/2 stream whose body is discarded ends with RST_STREAM
         * after the answer, which some clients (curl 7.88) report as an
         * error: a body within the limit is read first
         */

        if (r->stream && v.reason != EI_REJECT_TOO_LARGE
            && r->headers_in.content_length_n >= 0)
        {
            return ngx_http_ei_hmac_reject_after_body(r, ctx, &v);
        }
#endif

        return ngx_http_ei_hmac_reject(r, ctx, &v, 1);
    }

    ctx->status = NGX_DONE;
    ctx->reading_body = 1;

    rc = ngx_http_read_client_request_body(r, ngx_http_ei_hmac_body_handler);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac reading body failed: %i", rc);
        ctx->reading_body = 0;
        return rc;
    }

    ngx_http_finalize_request(r, NGX_DONE);
    return NGX_DONE;
}


/*
 * error_page and other internal redirects zero every module's ctx; the ctx
 * is found again through its pool cleanup, which lives as long as the
 * request, so that a redirected request is neither validated twice nor
 * loses what the variables report.
 */

static ngx_http_ei_hmac_ctx_t *
ngx_http_ei_hmac_get_ctx(ngx_http_request_t *r)
{
    ngx_pool_cleanup_t      *cln;
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_get_module_ctx(r, ngx_http_ei_hmac_module);

    /* only an internal redirect or a named location zeroes the ctx */

    if (ctx || !r->internal) {
        return ctx;
    }

    for (cln = r->pool->cleanup; cln; cln = cln->next) {
        if (cln->handler == ngx_http_ei_hmac_cleanup) {
            ctx = cln->data;
            ngx_http_set_ctx(r, ctx, ngx_http_ei_hmac_module);
            return ctx;
        }
    }

    return NULL;
}


static ngx_http_ei_hmac_ctx_t *
ngx_http_ei_hmac_create_ctx(ngx_http_request_t *r)
{
    ngx_pool_cleanup_t      *cln;
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_pcalloc(r->pool, sizeof(ngx_http_ei_hmac_ctx_t));
    if (ctx == NULL) {
        return NULL;
    }

    cln = ngx_pool_cleanup_add(r->pool, 0);
    if (cln == NULL) {
        return NULL;
    }

    cln->handler = ngx_http_ei_hmac_cleanup;
    cln->data = ctx;

    ctx->reason = EI_OK;

    ngx_http_set_ctx(r, ctx, ngx_http_ei_hmac_module);

    return ctx;
}


static void
ngx_http_ei_hmac_cleanup(void *data)
{
    ngx_http_ei_hmac_ctx_t  *ctx = data;

    if (ctx->canonical) {
        ei_cleanse(ctx->canonical, ctx->canonical_size);
    }

    if (ctx->key.len) {
        ei_cleanse(ctx->key.data, ctx->key.len);
    }
}


/* SPEC section 4, steps 2 to 6: everything decided before the body */

static ei_reason_t
ngx_http_ei_hmac_check_head(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v)
{
    ngx_table_elt_t  *ct;

    if (r->method != NGX_HTTP_POST) {
        return ei_verdict_set(v, EI_REJECT_METHOD);
    }

    /* an absolute-form target is not what the upstream would be sent */

    if (r->schema_start || r->host_start) {
        return ei_verdict_set(v, EI_REJECT_URI_FORM);
    }

    if (ei_target_check(r->unparsed_uri.data, r->unparsed_uri.len,
                        &ctx->project_id, v)
        != EI_OK)
    {
        return v->reason;
    }

    ctx->project_known = 1;

    if (hlcf->projects
        && !ei_project_allowed(ctx->project_id, hlcf->projects->elts,
                               hlcf->projects->nelts))
    {
        return ei_verdict_set(v, EI_REJECT_PROJECT);
    }

    ct = r->headers_in.content_type;

    if (ct == NULL || !ei_media_type_ok(ct->value.data, ct->value.len)) {
        return ei_verdict_set(v, EI_REJECT_MEDIA_TYPE);
    }

    if (r->headers_in.content_length_n == 0
        || (r->headers_in.content_length_n < 0 && !r->headers_in.chunked))
    {
        return ei_verdict_set(v, EI_REJECT_EMPTY);
    }

    if (r->headers_in.content_length_n > (off_t) hlcf->max_body_size) {
        return ei_verdict_too_large(v, hlcf->max_body_size);
    }

    return EI_OK;
}


static void
ngx_http_ei_hmac_body_handler(ngx_http_request_t *r)
{
    ei_verdict_t                  v;
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    ctx = ngx_http_ei_hmac_get_ctx(r);
    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac body handler");

    ctx->reading_body = 0;

    if (ngx_http_ei_hmac_check_body(r, hlcf, ctx, &v) != EI_OK) {
        ctx->status = NGX_DONE;
        (void) ngx_http_ei_hmac_reject(r, ctx, &v, 0);
        return;
    }

    ctx->status = NGX_DECLINED;
    ctx->validated = 1;

    r->preserve_body = 1;

    r->write_event_handler = ngx_http_core_run_phases;
    ngx_http_core_run_phases(r);
}


#if (NGX_HTTP_V2)

static ngx_int_t
ngx_http_ei_hmac_reject_after_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v)
{
    ngx_int_t  rc;

    ctx->pending = ngx_palloc(r->pool, sizeof(ei_verdict_t));
    if (ctx->pending == NULL) {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ngx_memcpy(ctx->pending, v, sizeof(ei_verdict_t));

    ctx->status = NGX_DONE;
    ctx->reading_body = 1;

    rc = ngx_http_read_client_request_body(r,
                                           ngx_http_ei_hmac_pending_handler);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        ctx->reading_body = 0;
        return rc;
    }

    ngx_http_finalize_request(r, NGX_DONE);
    return NGX_DONE;
}


static void
ngx_http_ei_hmac_pending_handler(ngx_http_request_t *r)
{
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_ei_hmac_get_ctx(r);

    ctx->reading_body = 0;

    ngx_http_ei_hmac_cleanse_body(r);

    (void) ngx_http_ei_hmac_reject(r, ctx, ctx->pending, 0);
}

#endif


/* SPEC section 4, steps 6 to 11: the body, then forwarding */

static ei_reason_t
ngx_http_ei_hmac_check_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v)
{
    u_char            *body, *out;
    size_t             len, size;
    ei_reason_t        reason;
    ei_body_policy_t   policy;
    ei_body_result_t   res;

    body = ngx_http_ei_hmac_flatten_body(r, hlcf->max_body_size, &len);

    /* the client's copy of the hmacKey is no longer needed anywhere */

    ngx_http_ei_hmac_cleanse_body(r);

    if (len > hlcf->max_body_size) {
        return ei_verdict_too_large(v, hlcf->max_body_size);
    }

    if (body == NULL && len) {
        /* out of memory, or the temporary file could not be read */
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    if (len == 0) {
        return ei_verdict_set(v, EI_REJECT_EMPTY);
    }

    size = ei_body_out_size(len);

    out = ngx_pnalloc(r->pool, size);
    if (out == NULL) {
        ei_cleanse(body, len);
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    ctx->canonical = out;
    ctx->canonical_size = size;

    policy.name_max_length = hlcf->name_max_length;
    policy.strength.max_length = hlcf->key_max_length;
    policy.strength.min_bits = hlcf->key_min_bits;
    policy.denylist = hlcf->denylist;
    policy.reject_unknown =
                  (hlcf->unknown_fields == NGX_HTTP_EI_HMAC_UNKNOWN_REJECT);
    policy.allow_dev_keys = hlcf->development_keys;

    ngx_memzero(&res, sizeof(ei_body_result_t));

    reason = ei_body_check(body, len, &policy, out, size, &res, v);

    ei_cleanse(body, len);

    if (res.name) {
        ctx->name.len = res.name_len;
        ctx->name.data = ngx_pnalloc(r->pool, res.name_len);

        if (ctx->name.data == NULL) {
            ctx->name.len = 0;

        } else {
            ngx_memcpy(ctx->name.data, res.name, res.name_len);
        }
    }

    if (res.fingerprint[0]) {
        ngx_memcpy(ctx->fingerprint, res.fingerprint, sizeof(res.fingerprint));
    }

    if (reason != EI_OK) {
        return reason;
    }

    return ngx_http_ei_hmac_forward(r, hlcf, ctx, &res, v);
}


/*
 * The body may be one or several memory buffers, or a temporary file when
 * nginx spilled it; the parser wants one contiguous copy of its own.
 */

static u_char *
ngx_http_ei_hmac_flatten_body(ngx_http_request_t *r, size_t max, size_t *len)
{
    off_t         size;
    u_char       *body, *p;
    ssize_t       n;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    *len = 0;

    if (r->request_body == NULL) {
        return NULL;
    }

    size = 0;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        size += ngx_buf_size(cl->buf);
    }

    if (size == 0) {
        return NULL;
    }

    /* the request body filter refuses more; this is the caller's check */

    if (size > (off_t) max) {
        *len = (size_t) size;
        return NULL;
    }

    body = ngx_pnalloc(r->pool, (size_t) size);
    if (body == NULL) {
        *len = (size_t) size;
        return NULL;
    }

    p = body;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        b = cl->buf;

        if (b->in_file) {
            n = ngx_read_file(b->file, p, (size_t) (b->file_last - b->file_pos),
                              b->file_pos);

            if (n != b->file_last - b->file_pos) {
                ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                              "ei_hmac could not read the request body from "
                              "its temporary file");
                ei_cleanse(body, p - body);
                *len = (size_t) size;
                return NULL;
            }

            p += n;
            continue;
        }

        p = ngx_cpymem(p, b->pos, b->last - b->pos);
    }

    *len = p - body;

    return body;
}


/*
 * Overwrite what nginx kept of the client's body: the memory buffers, and
 * the temporary file before nginx unlinks it, since both hold the hmacKey.
 */

static void
ngx_http_ei_hmac_cleanse_body(ngx_http_request_t *r)
{
    off_t         off, size;
    u_char        zeros[4096];
    ssize_t       n;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    if (r->request_body == NULL) {
        return;
    }

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        b = cl->buf;

        if (!b->in_file && b->pos && b->last > b->pos) {
            ei_cleanse(b->pos, b->last - b->pos);
        }
    }

    /*
     * the read buffer keeps the last part of a body written to a file; a
     * buffer inside r->header_in may also hold the next pipelined request
     */

    b = r->request_body->buf;

    if (b && b->start && b->last > b->start
        && (r->header_in == NULL
            || b->start < r->header_in->start
            || b->start >= r->header_in->end))
    {
        ei_cleanse(b->start, b->last - b->start);
    }

    /* the part of the body read with the header, up to what was consumed */

    if (r->request_body->temp_file && r->header_in && r->header_end
        && r->header_end >= r->header_in->start
        && r->header_end < r->header_in->pos)
    {
        ei_cleanse(r->header_end, r->header_in->pos - r->header_end);
    }

    if (r->request_body->temp_file == NULL) {
        return;
    }

    ngx_memzero(zeros, sizeof(zeros));

    size = r->request_body->temp_file->file.offset;

    for (off = 0; off < size; off += n) {
        n = ngx_write_file(&r->request_body->temp_file->file, zeros,
                           (size_t) ngx_min((off_t) sizeof(zeros), size - off),
                           off);
        if (n <= 0) {
            break;
        }
    }

    /* ngx_write_file() advanced the offset; nothing is read from it again */

    r->request_body->temp_file->file.offset = size;
}


static ei_reason_t
ngx_http_ei_hmac_forward(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_body_result_t *res, ei_verdict_t *v)
{
    ngx_str_t     key;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    if (hlcf->key->cv) {
        if (ngx_http_complex_value(r, hlcf->key->cv, &key) != NGX_OK) {
            return ei_verdict_set(v, EI_ERROR_INTERNAL);
        }

        /*
         * only a value built for this request is cleansed when it ends; a
         * literal one is the configuration's own memory
         */

        if (hlcf->key->cv->lengths) {
            ctx->key = key;
        }

        if (!ei_apikey_value_ok(key.data, key.len)) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "ei_hmac_api_key is %s for project \"%uL\"",
                          key.len ? "not visible ASCII" : "empty",
                          ctx->project_id);
            return ei_verdict_set(v, EI_ERROR_NO_KEY);
        }

    } else {
        key = hlcf->key->value;
    }

    if (ngx_http_ei_hmac_rewrite_headers(r, &key) != NGX_OK) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    /* room for the bytes kept back while the key is masked in responses */

    ctx->hold = ngx_pnalloc(r->pool, key.len);
    if (ctx->hold == NULL) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    ctx->redact = key;

    /* retries of the upstream rewind the buffer to start */

    b = ngx_calloc_buf(r->pool);
    if (b == NULL) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    cl = ngx_alloc_chain_link(r->pool);
    if (cl == NULL) {
        return ei_verdict_set(v, EI_ERROR_INTERNAL);
    }

    b->start = res->canonical;
    b->pos = res->canonical;
    b->last = res->canonical + res->canonical_len;
    b->end = b->last;
    b->memory = 1;
    b->last_buf = 1;
    b->last_in_chain = 1;

    cl->buf = b;
    cl->next = NULL;

    r->request_body->bufs = cl;
    r->request_body->buf = b;

    r->headers_in.content_length_n = res->canonical_len;
    r->headers_in.chunked = 0;

    ngx_log_debug2(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac forwarding project %uL, body %uz bytes",
                   ctx->project_id, res->canonical_len);

    return EI_OK;
}


/*
 * proxy_pass forwards whatever is in r->headers_in.headers, so a credential
 * must leave that list; a new list is built rather than the old one edited
 * in place, because r->headers_in keeps pointers to its elements.
 */

static ngx_int_t
ngx_http_ei_hmac_rewrite_headers(ngx_http_request_t *r, ngx_str_t *key)
{
    ngx_uint_t                  i, n;
    ngx_list_t                  headers;
    ngx_list_part_t            *part;
    ngx_table_elt_t            *h, *e;
    ngx_str_t                  *c;

    n = 2;

    for (part = &r->headers_in.headers.part; part; part = part->next) {
        n += part->nelts;
    }

    if (ngx_list_init(&headers, r->pool, n, sizeof(ngx_table_elt_t))
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        for (c = ngx_http_ei_hmac_credentials; c->len; c++) {
            if (h[i].key.len == c->len
                && ngx_strncasecmp(h[i].key.data, c->data, c->len)
                   == 0)
            {
                break;
            }
        }

        if (c->len) {
            ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                           "ei_hmac dropping request header \"%V\"",
                           &h[i].key);
            continue;
        }

        e = ngx_list_push(&headers);
        if (e == NULL) {
            return NGX_ERROR;
        }

        *e = h[i];
    }

    e = ngx_list_push(&headers);
    if (e == NULL) {
        return NGX_ERROR;
    }

    ngx_str_set(&e->key, "Content-Type");
    e->lowcase_key = (u_char *) "content-type";
    e->hash = ngx_hash_key(e->lowcase_key, e->key.len);
    e->value = ngx_http_ei_hmac_json_type;
#if (nginx_version >= 1023000)
    e->next = NULL;
#endif

    r->headers_in.content_type = e;

    e = ngx_list_push(&headers);
    if (e == NULL) {
        return NGX_ERROR;
    }

    ngx_str_set(&e->key, "x-api-key");
    e->lowcase_key = (u_char *) "x-api-key";
    e->hash = ngx_hash_key(e->lowcase_key, e->key.len);
    e->value = *key;
#if (nginx_version >= 1023000)
    e->next = NULL;
#endif

    r->headers_in.headers = headers;

    /* the copy's "last" still points to the local list: the one part */
    r->headers_in.headers.last = &r->headers_in.headers.part;

    r->headers_in.authorization = NULL;
    r->headers_in.content_length = NULL;
    r->headers_in.transfer_encoding = NULL;

#if (nginx_version >= 1023000)
    r->headers_in.cookie = NULL;
#else
    r->headers_in.cookies.nelts = 0;
#endif

    return NGX_OK;
}


static ngx_int_t
ngx_http_ei_hmac_reject(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v, ngx_uint_t discard)
{
    ngx_int_t                  rc;
    ngx_table_elt_t           *allow;
    const ei_reason_info_t    *info;

    info = ei_reason_info(v->reason);

    ngx_http_ei_hmac_set_outcome(r, ctx, v);

    if (v->reason == EI_ERROR_NO_KEY || v->reason == EI_ERROR_INTERNAL) {
        ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                      "ei_hmac %s for project \"%uL\"",
                      v->reason == EI_ERROR_NO_KEY ? "error_no_key"
                                                   : "internal error",
                      ctx->project_id);

    } else {
        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "ei_hmac %s, project \"%s%uL\": \"%V\"", info->outcome,
                      ctx->project_known ? "" : "unknown ",
                      ctx->project_known ? ctx->project_id : 0, &ctx->error);
    }

    /*
     * the body of a request refused before it was read is discarded, so
     * that a keep-alive or pipelined connection stays in step
     */

    if (discard) {
        /* no "100 Continue": the client need not send what is refused */
        r->expect_tested = 1;

        rc = ngx_http_discard_request_body(r);

        if (rc != NGX_OK) {
            return rc;
        }
    }

    if (v->reason == EI_REJECT_METHOD) {
        allow = ngx_list_push(&r->headers_out.headers);
        if (allow == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }

        allow->hash = 1;
#if (nginx_version >= 1023000)
        allow->next = NULL;
        r->headers_out.allow = allow;
#endif
        ngx_str_set(&allow->key, "Allow");
        ngx_str_set(&allow->value, "POST");
    }

    if (ngx_http_ei_hmac_set_error(r, ctx, info->status, v->msg, v->len)
        != NGX_OK)
    {
        return NGX_HTTP_INTERNAL_SERVER_ERROR;
    }

    ctx->own_response = 1;

    /*
     * a body too large is not worth reading to keep the connection, as
     * nginx decides for its own 413; after other rejections the connection
     * is in step (the body was read or is discarded) and stays open
     */

    if (info->status == NGX_HTTP_REQUEST_ENTITY_TOO_LARGE) {
        r->keepalive = 0;
    }

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        ngx_http_finalize_request(r, rc);
        return NGX_DONE;
    }

    rc = ngx_http_ei_hmac_send_error_body(r, ctx);

    ngx_http_finalize_request(r, rc);
    return NGX_DONE;
}


static void
ngx_http_ei_hmac_set_outcome(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v)
{
    ctx->reason = v->reason;
    ctx->outcome_known = 1;

    ctx->error.data = ngx_pnalloc(r->pool, v->len);

    if (ctx->error.data == NULL) {
        ctx->error.len = 0;
        return;
    }

    ngx_memcpy(ctx->error.data, v->msg, v->len);
    ctx->error.len = v->len;
}


/*
 * Counts the body as it arrives, so that a chunked body larger than
 * ei_hmac_max_body_size is refused without being read to its end.
 */

static ngx_int_t
ngx_http_ei_hmac_request_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ei_verdict_t                  v;
    ngx_chain_t                  *cl;
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    if (r != r->main) {
        return ngx_http_next_request_body_filter(r, in);
    }

    ctx = ngx_http_get_module_ctx(r, ngx_http_ei_hmac_module);

    if (ctx == NULL || !ctx->reading_body) {
        return ngx_http_next_request_body_filter(r, in);
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    for (cl = in; cl; cl = cl->next) {
        ctx->received += ngx_buf_size(cl->buf);
    }

    if (ctx->received > (off_t) hlcf->max_body_size) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac body larger than %uz", hlcf->max_body_size);

        /* nginx finalizes the request and never calls the post handler */

        ctx->reading_body = 0;

        (void) ei_verdict_too_large(&v, hlcf->max_body_size);

        ngx_http_ei_hmac_set_outcome(r, ctx, &v);

        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "ei_hmac %s, project \"%uL\": \"%V\"",
                      ei_reason_info(v.reason)->outcome, ctx->project_id,
                      &ctx->error);

        return NGX_HTTP_REQUEST_ENTITY_TOO_LARGE;
    }

    return ngx_http_next_request_body_filter(r, in);
}


/*
 * SPEC section 6: every error answered in an ei_hmac location becomes a
 * GenericApiResponse, whoever produced it.  nginx's own error pages go
 * through the ordinary filters, so no error_page is needed.
 */

static ngx_int_t
ngx_http_ei_hmac_header_filter(ngx_http_request_t *r)
{
    ngx_uint_t                       status;
    ngx_str_t                       *text;
    ngx_http_upstream_t             *u;
    ngx_http_ei_hmac_ctx_t          *ctx;
    ngx_http_ei_hmac_loc_conf_t     *hlcf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx && ctx->own_response) {
        return ngx_http_next_header_filter(r);
    }

    /*
     * whatever ei_hmac_errors says, and whatever location an internal
     * redirect led to, the key never goes back to the client
     */

    if (ctx && ctx->redact.len && r->upstream) {
        ngx_http_ei_hmac_redact_headers(r, ctx);

        if (r->headers_out.content_encoding
            && r->headers_out.content_encoding->value.len
            && ngx_strcasecmp(r->headers_out.content_encoding->value.data,
                              (u_char *) "identity") != 0
            && r->headers_out.status < NGX_HTTP_BAD_REQUEST)
        {
            /* a compressed body cannot be searched for the key */

            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "ei_hmac refused an upstream response with "
                          "\"Content-Encoding: %V\"",
                          &r->headers_out.content_encoding->value);

            return ngx_http_ei_hmac_set_error(r, ctx, NGX_HTTP_BAD_GATEWAY,
                       (char *) ngx_http_ei_hmac_upstream_invalid.data,
                       ngx_http_ei_hmac_upstream_invalid.len)
                   == NGX_OK ? ngx_http_next_header_filter(r) : NGX_ERROR;
        }
    }

    if (!hlcf->enable || !hlcf->errors) {
        return ngx_http_next_header_filter(r);
    }

    if (r->upstream && r->http_version == NGX_HTTP_VERSION_9
        && r->http_major >= 1)
    {
        /*
         * the proxy module passes an answer without a status line as
         * HTTP/0.9, which no client of this API can read
         */

        r->http_version = r->http_major * 1000 + r->http_minor;
        r->keepalive = 0;

        if (ctx == NULL) {
            ctx = ngx_http_ei_hmac_create_ctx(r);
            if (ctx == NULL) {
                return NGX_ERROR;
            }
        }

        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "ei_hmac rewrote an upstream answer without a status "
                      "line into a GenericApiResponse");

        if (ngx_http_ei_hmac_set_error(r, ctx, NGX_HTTP_BAD_GATEWAY,
                (char *) ngx_http_ei_hmac_upstream_invalid.data,
                ngx_http_ei_hmac_upstream_invalid.len)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        return ngx_http_next_header_filter(r);
    }

    status = r->headers_out.status;

    if (status < NGX_HTTP_BAD_REQUEST) {
        return ngx_http_next_header_filter(r);
    }

    if (ctx == NULL) {
        ctx = ngx_http_ei_hmac_create_ctx(r);
        if (ctx == NULL) {
            return NGX_ERROR;
        }
    }

    u = r->upstream;

    if (u && r->err_status == 0 && u->headers_in.status_n == status) {

        ctx->upstream_status = status;

        if (status == NGX_HTTP_UNAUTHORIZED) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "ei_hmac upstream rejected the gateway's API key "
                          "for project \"%uL\"", ctx->project_id);

            /* the challenge was for the gateway, not for its client */

            ngx_http_ei_hmac_clear_header(r, &ngx_http_ei_hmac_www_auth);
            r->headers_out.www_authenticate = NULL;

            return ngx_http_ei_hmac_set_error(r, ctx, NGX_HTTP_BAD_GATEWAY,
                       (char *) ngx_http_ei_hmac_upstream_401.data,
                       ngx_http_ei_hmac_upstream_401.len)
                   == NGX_OK ? ngx_http_next_header_filter(r) : NGX_ERROR;
        }

        /*
         * a GenericApiResponse of the upstream passes as it is, which can
         * only be told from its body: hold the header back until the body
         * is seen, within a bound
         */

        if (r->headers_out.content_encoding == NULL
            && !r->header_only
            && (r->headers_out.content_length_n < 0
                || r->headers_out.content_length_n
                   <= NGX_HTTP_EI_HMAC_INSPECT_MAX))
        {
            ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                           "ei_hmac inspecting upstream %ui body", status);

            ctx->filter = NGX_HTTP_EI_HMAC_INSPECT;
            r->filter_need_in_memory = 1;
            return NGX_OK;
        }
    }

    text = ngx_http_ei_hmac_status_text(ctx, status);

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "ei_hmac rewrote %s %ui response into a GenericApiResponse",
                  ctx->upstream_status ? "upstream" : "nginx", status);

    if (ngx_http_ei_hmac_set_error(r, ctx, status, (char *) text->data,
                                   text->len)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    return ngx_http_next_header_filter(r);
}


/*
 * Prepares the headers of a GenericApiResponse and keeps its body in
 * ctx->inspect for the body filter to send.
 */

static ngx_int_t
ngx_http_ei_hmac_set_error(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_uint_t status, const char *text, size_t len)
{
    size_t      n;
    ngx_buf_t  *b;

    len = ngx_min(len, EI_MSG_MAX - 1);
    n = ei_error_body_size(text, len);

    b = ngx_create_temp_buf(r->pool, n);
    if (b == NULL) {
        return NGX_ERROR;
    }

    n = ei_error_body(text, len, (char *) b->pos, n);
    b->last = b->pos + n;

    ctx->inspect = b;
    ctx->filter = NGX_HTTP_EI_HMAC_REWRITE;

    r->headers_out.status = status;
    r->headers_out.status_line.len = 0;

    r->headers_out.content_type = ngx_http_ei_hmac_json_type;
    r->headers_out.content_type_len = ngx_http_ei_hmac_json_type.len;
    r->headers_out.content_type_lowcase = NULL;
    ngx_str_null(&r->headers_out.charset);

    ngx_http_clear_content_length(r);
    ngx_http_clear_accept_ranges(r);
    ngx_http_clear_last_modified(r);
    ngx_http_clear_etag(r);

    if (r->headers_out.content_encoding) {
        r->headers_out.content_encoding->hash = 0;
        r->headers_out.content_encoding = NULL;
    }

    r->headers_out.content_length_n = n;

    /* the error is ours now, whatever body the original one announced */

    r->filter_need_in_memory = 1;

    return NGX_OK;
}


static ngx_int_t
ngx_http_ei_hmac_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    size_t                   n;
    ngx_str_t               *text;
    ngx_uint_t               last;
    ngx_chain_t             *cl;
    ngx_http_ei_hmac_ctx_t  *ctx;

    if (r != r->main) {
        return ngx_http_next_body_filter(r, in);
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx == NULL || ctx->own_response) {
        return ngx_http_next_body_filter(r, in);
    }

    if (ctx->filter == NGX_HTTP_EI_HMAC_PASS) {
        if (ctx->redacting) {
            return ngx_http_ei_hmac_redact_body(r, ctx, in);
        }

        return ngx_http_next_body_filter(r, in);
    }

    if (ctx->filter == NGX_HTTP_EI_HMAC_REWRITE) {
        ngx_http_ei_hmac_consume(in);

        if (ctx->body_sent) {
            /* what the write filter still holds must go out */
            return ngx_http_next_body_filter(r, NULL);
        }

        return ngx_http_ei_hmac_send_error_body(r, ctx);
    }

    /* NGX_HTTP_EI_HMAC_INSPECT: collect up to the bound, then decide */

    if (ctx->inspect == NULL) {
        ctx->inspect = ngx_create_temp_buf(r->pool,
                                           NGX_HTTP_EI_HMAC_INSPECT_MAX);
        if (ctx->inspect == NULL) {
            return NGX_ERROR;
        }
    }

    last = 0;

    for (cl = in; cl; cl = cl->next) {
        n = cl->buf->last - cl->buf->pos;

        if (ngx_buf_in_memory(cl->buf) && n) {
            if ((size_t) (ctx->inspect->end - ctx->inspect->last) < n) {
                last = 2;

            } else {
                ctx->inspect->last = ngx_cpymem(ctx->inspect->last,
                                                cl->buf->pos, n);
            }
        }

        if (cl->buf->last_buf || cl->buf->last_in_chain) {
            last = last ? last : 1;
        }
    }

    ngx_http_ei_hmac_consume(in);

    if (!last && in && ngx_http_ei_hmac_upstream_failed(r)) {
        /*
         * the upstream broke off its error body: nginx sends only a flush
         * and closes, and the client would get an empty reply
         */

        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "ei_hmac upstream %ui response broke off, answered 502",
                      r->headers_out.status);

        text = ngx_http_ei_hmac_status_text(ctx, NGX_HTTP_BAD_GATEWAY);

        if (ngx_http_ei_hmac_set_error(r, ctx, NGX_HTTP_BAD_GATEWAY,
                                       (char *) text->data, text->len)
            != NGX_OK)
        {
            return NGX_ERROR;
        }

        r->keepalive = 0;

        if (ngx_http_next_header_filter(r) == NGX_ERROR) {
            return NGX_ERROR;
        }

        return ngx_http_ei_hmac_send_error_body(r, ctx);
    }

    if (!last) {
        return NGX_OK;
    }

    if (last == 1
        && ei_api_response_check(ctx->inspect->pos,
                                 ctx->inspect->last - ctx->inspect->pos))
    {
        ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac upstream error is a GenericApiResponse");

        if (ctx->redact.len) {
            (void) ei_redact_all(ctx->redact.data, ctx->redact.len,
                                 ctx->inspect->pos,
                                 ctx->inspect->last - ctx->inspect->pos);
        }

        ctx->filter = NGX_HTTP_EI_HMAC_REWRITE;
        ctx->own_response = 1;

        r->headers_out.content_length_n = ctx->inspect->last
                                          - ctx->inspect->pos;
        if (r->headers_out.content_length) {
            r->headers_out.content_length->hash = 0;
            r->headers_out.content_length = NULL;
        }

        if (ngx_http_next_header_filter(r) == NGX_ERROR) {
            return NGX_ERROR;
        }

        return ngx_http_ei_hmac_send_error_body(r, ctx);
    }

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "ei_hmac rewrote upstream %ui response into a "
                  "GenericApiResponse", r->headers_out.status);

    text = ngx_http_ei_hmac_status_text(ctx, r->headers_out.status);

    if (ngx_http_ei_hmac_set_error(r, ctx, r->headers_out.status,
                                   (char *) text->data, text->len)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    if (ngx_http_next_header_filter(r) == NGX_ERROR) {
        return NGX_ERROR;
    }

    return ngx_http_ei_hmac_send_error_body(r, ctx);
}


static ngx_int_t
ngx_http_ei_hmac_send_error_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_buf_t    *b;
    ngx_chain_t   out;

    ctx->body_sent = 1;

    b = ctx->inspect;

    b->last_buf = (r == r->main) ? 1 : 0;
    b->last_in_chain = 1;

    out.buf = b;
    out.next = NULL;

    return ngx_http_next_body_filter(r, &out);
}


/*
 * An upstream that echoes the request would hand the key to the client:
 * every occurrence is masked in the response headers, and the body filter
 * masks it in the body, keeping the length of both.
 */

static void
ngx_http_ei_hmac_redact_headers(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    size_t            n;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    n = 0;

    if (r->headers_out.status_line.len) {
        n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                           r->headers_out.status_line.data,
                           r->headers_out.status_line.len);
    }

    /* the proxy keeps Content-Type out of the list */

    n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                       r->headers_out.content_type.data,
                       r->headers_out.content_type.len);
    n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                       r->headers_out.charset.data,
                       r->headers_out.charset.len);
    r->headers_out.content_type_lowcase = NULL;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].hash == 0) {
            continue;
        }

        n += ei_redact_all(ctx->redact.data, ctx->redact.len, h[i].key.data,
                           h[i].key.len);
        n += ei_redact_all(ctx->redact.data, ctx->redact.len,
                           h[i].value.data, h[i].value.len);
    }

    if (n) {
        ngx_log_error(NGX_LOG_WARN, r->connection->log, 0,
                      "ei_hmac masked the API key in %uz upstream response "
                      "header(s) for project \"%uL\"", n, ctx->project_id);
    }

    ctx->redacting = 1;
    r->filter_need_in_memory = 1;
}


static ngx_int_t
ngx_http_ei_hmac_redact_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in)
{
    size_t        n, t, h, emit;
    ngx_int_t     rc;
    ngx_buf_t    *b, *nb;
    ngx_uint_t    last;
    ngx_chain_t  *out, **ll, *cl;

    out = NULL;
    ll = &out;

    for ( /* void */ ; in; in = in->next) {
        b = in->buf;
        last = b->last_buf || b->last_in_chain;

        if (!ngx_buf_in_memory(b)) {
            if (ngx_buf_size(b) != 0) {
                /* the copy filter was asked for memory: never unmasked */
                ngx_log_error(NGX_LOG_ALERT, r->connection->log, 0,
                              "ei_hmac got a response buffer not in memory");
                return NGX_ERROR;
            }

            n = 0;

        } else {
            n = b->last - b->pos;
        }

        if (n == 0 && !last) {
            goto append;
        }

        /* masking is done in place: a buffer nginx may share is copied */

        if (n && !b->temporary) {
            nb = ngx_create_temp_buf(r->pool, n);
            if (nb == NULL) {
                return NGX_ERROR;
            }

            nb->last = ngx_cpymem(nb->pos, b->pos, n);
            nb->last_buf = b->last_buf;
            nb->last_in_chain = b->last_in_chain;
            nb->flush = b->flush;

            b->pos = b->last;

            if (b->in_file) {
                b->file_pos = b->file_last;
            }

            b = nb;
        }

        h = ctx->hold_len;

        t = ei_redact_piece(ctx->redact.data, ctx->redact.len, ctx->hold, h,
                            n ? b->pos : NULL, n, last);

        /* the bytes kept back last time go out first */

        emit = h - (t - ngx_min(t, n));

        if (emit) {
            cl = ngx_chain_get_free_buf(r->pool, &ctx->free);
            if (cl == NULL) {
                return NGX_ERROR;
            }

            nb = cl->buf;

            if (nb->start == NULL) {
                nb->start = ngx_pnalloc(r->pool, ctx->redact.len);
                if (nb->start == NULL) {
                    return NGX_ERROR;
                }

                nb->end = nb->start + ctx->redact.len;
            }

            nb->pos = nb->start;
            nb->last = ngx_cpymem(nb->pos, ctx->hold, emit);
            nb->temporary = 1;
            nb->last_buf = 0;
            nb->last_in_chain = 0;
            nb->flush = 0;
            nb->tag = (ngx_buf_tag_t) &ngx_http_ei_hmac_module;

            *ll = cl;
            ll = &cl->next;
        }

        if (t <= n) {
            ngx_memcpy(ctx->hold, b->last - t, t);
            b->last -= t;

        } else {
            ngx_memmove(ctx->hold, ctx->hold + h + n - t, t - n);
            ngx_memcpy(ctx->hold + t - n, b->pos, n);
            b->pos = b->last;
        }

        ctx->hold_len = t;

        /*
         * what the file would send is what was masked in memory: with
         * sendfile a buffer in both would go out from the file unmasked
         */

        if (b->in_file) {
            b->in_file = 0;
            b->file_pos = b->file_last;
        }

        if (b->last == b->pos && !b->last_buf && !b->last_in_chain
            && !b->flush)
        {
            continue;
        }

        if (b->last == b->pos && b->temporary) {
            nb = ngx_calloc_buf(r->pool);
            if (nb == NULL) {
                return NGX_ERROR;
            }

            nb->last_buf = b->last_buf;
            nb->last_in_chain = b->last_in_chain;
            nb->flush = b->flush;
            b = nb;
        }

    append:

        cl = ngx_alloc_chain_link(r->pool);
        if (cl == NULL) {
            return NGX_ERROR;
        }

        cl->buf = b;
        *ll = cl;
        ll = &cl->next;
    }

    *ll = NULL;

    rc = ngx_http_next_body_filter(r, out);

    ngx_chain_update_chains(r->pool, &ctx->free, &ctx->busy, &out,
                            (ngx_buf_tag_t) &ngx_http_ei_hmac_module);

    return rc;
}


/* the upstream module gave up on the response it was reading */

static ngx_uint_t
ngx_http_ei_hmac_upstream_failed(ngx_http_request_t *r)
{
    ngx_http_upstream_t  *u;

    u = r->upstream;

    if (u == NULL) {
        return 0;
    }

    if (u->pipe && (u->pipe->upstream_error
                    || (u->pipe->upstream_eof && !u->pipe->upstream_done
                        && u->length != 0 && u->length != -1)))
    {
        return 1;
    }

    return u->error;
}


/*
 * The error text: the gateway's own verdict when the error is the one it
 * decided (a chunked body over ei_hmac_max_body_size), or a short reason
 * for the status.
 */

static ngx_str_t *
ngx_http_ei_hmac_status_text(ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status)
{
    ngx_http_ei_hmac_status_text_t  *st;

    if (ctx->outcome_known && ctx->error.len
        && (ngx_uint_t) ei_reason_info(ctx->reason)->status == status)
    {
        return &ctx->error;
    }

    for ( ;; ) {
        for (st = ngx_http_ei_hmac_status_texts; st->status; st++) {
            if (st->status == status) {
                return &st->text;
            }
        }

        /* a status without a text of its own gets its class's */

        status = (status >= NGX_HTTP_INTERNAL_SERVER_ERROR)
                 ? NGX_HTTP_INTERNAL_SERVER_ERROR : NGX_HTTP_BAD_REQUEST;
    }
}


/* hides every response header of that name from the header filter */

static void
ngx_http_ei_hmac_clear_header(ngx_http_request_t *r, ngx_str_t *name)
{
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    part = &r->headers_out.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                break;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len == name->len
            && ngx_strncasecmp(h[i].key.data, name->data, name->len) == 0)
        {
            h[i].hash = 0;
        }
    }
}


/*
 * Marks the buffers of a replaced body as sent, so that the upstream
 * module can reuse them and does not wait for them forever.
 */

static void
ngx_http_ei_hmac_consume(ngx_chain_t *in)
{
    ngx_chain_t  *cl;

    for (cl = in; cl; cl = cl->next) {
        cl->buf->pos = cl->buf->last;

        if (cl->buf->in_file) {
            cl->buf->file_pos = cl->buf->file_last;
        }
    }
}


static ngx_int_t
ngx_http_ei_hmac_variable(ngx_http_request_t *r, ngx_http_variable_value_t *v,
    uintptr_t data)
{
    u_char                  *p;
    const char              *outcome;
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_ei_hmac_get_ctx(r->main);

    v->not_found = 1;

    if (ctx == NULL) {
        return NGX_OK;
    }

    switch (data) {

    case NGX_HTTP_EI_HMAC_VAR_PROJECT_ID:
        if (!ctx->project_known) {
            return NGX_OK;
        }

        p = ngx_pnalloc(r->pool, NGX_INT64_LEN);
        if (p == NULL) {
            return NGX_ERROR;
        }

        v->data = p;
        v->len = ngx_sprintf(p, "%uL", ctx->project_id) - p;
        break;

    case NGX_HTTP_EI_HMAC_VAR_KEY_NAME:
        if (ctx->name.data == NULL) {
            return NGX_OK;
        }

        v->data = ctx->name.data;
        v->len = ctx->name.len;
        break;

    case NGX_HTTP_EI_HMAC_VAR_FINGERPRINT:
        if (ctx->fingerprint[0] == '\0') {
            return NGX_OK;
        }

        v->data = ctx->fingerprint;
        v->len = ngx_strlen(ctx->fingerprint);
        break;

    case NGX_HTTP_EI_HMAC_VAR_OUTCOME:
        if (!ctx->outcome_known && !ctx->validated) {
            return NGX_OK;
        }

        outcome = ei_reason_info(ctx->outcome_known ? ctx->reason : EI_OK)
                      ->outcome;

        if (outcome[0] == '\0') {
            return NGX_OK;
        }

        v->data = (u_char *) outcome;
        v->len = ngx_strlen(outcome);
        break;

    default: /* NGX_HTTP_EI_HMAC_VAR_ERROR */
        if (!ctx->outcome_known || ctx->error.len == 0) {
            return NGX_OK;
        }

        v->data = ctx->error.data;
        v->len = ctx->error.len;
        break;
    }

    v->valid = 1;
    v->no_cacheable = 1;
    v->not_found = 0;

    return NGX_OK;
}


static char *
ngx_http_ei_hmac_key_file(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    u_char                   buf[NGX_HTTP_EI_HMAC_KEY_FILE_MAX + 1], *p;
    size_t                   len, key_len;
    ngx_str_t               *value, name;
    ngx_int_t                rc;
    ngx_file_info_t          fi;
    const char              *err;
    ngx_http_ei_hmac_key_t  *key;

    if (hlcf->key != NGX_CONF_UNSET_PTR) {
        return hlcf->key->cv ? "conflicts with \"ei_hmac_api_key\""
                             : "is duplicate";
    }

    value = cf->args->elts;
    name = value[1];
    p = buf;

    if (ngx_http_ei_hmac_read_file(cf, &cmd->name, &name,
                                   NGX_HTTP_EI_HMAC_KEY_FILE_MAX, &p, &len,
                                   &fi)
        != NGX_OK)
    {
        ei_cleanse(buf, sizeof(buf));
        return NGX_CONF_ERROR;
    }

    err = ei_apikey_file_check(buf, len, &key_len);

    if (err) {
        ei_cleanse(buf, sizeof(buf));
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0, "%V \"%V\" %s",
                           &cmd->name, &name, err);
        return NGX_CONF_ERROR;
    }

    if (ngx_file_access(&fi) & (S_IRGRP|S_IROTH)) {
        ngx_conf_log_error(NGX_LOG_WARN, cf, 0,
                           "%V \"%V\" is readable by group or others",
                           &cmd->name, &name);
    }

    rc = NGX_ERROR;

    key = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_key_t));

    if (key) {
        rc = ngx_http_ei_hmac_key_memory(cf, key, buf, key_len);
    }

    ei_cleanse(buf, sizeof(buf));

    if (rc != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    hlcf->key = key;

    return NGX_CONF_OK;
}


/*
 * Reads a file named in a directive: into *buf when it is set (room for
 * max + 1 bytes), or into memory of the configuration's temporary pool.
 * Logs what is wrong, naming the directive and the file.
 */

static ngx_int_t
ngx_http_ei_hmac_read_file(ngx_conf_t *cf, ngx_str_t *directive,
    ngx_str_t *name, size_t max, u_char **buf, size_t *len,
    ngx_file_info_t *fi)
{
    ssize_t      n;
    ngx_fd_t     fd;
    ngx_err_t    errn;
    ngx_file_t   file;
    const char  *err;

    if (ngx_conf_full_name(cf->cycle, name, 1) != NGX_OK) {
        return NGX_ERROR;
    }

    fd = ngx_open_file(name->data, NGX_FILE_RDONLY, NGX_FILE_OPEN, 0);

    if (fd == NGX_INVALID_FILE) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "%V \"%V\" cannot be opened", directive, name);
        return NGX_ERROR;
    }

    ngx_memzero(&file, sizeof(ngx_file_t));
    file.fd = fd;
    file.name = *name;
    file.log = cf->log;

    err = NULL;
    errn = 0;
    n = 0;

    if (ngx_fd_info(fd, fi) == NGX_FILE_ERROR) {
        err = "cannot be read";
        errn = ngx_errno;

    } else if (!ngx_is_file(fi)) {
        err = "is not a regular file";

    } else if (ngx_file_size(fi) > (off_t) max) {
        err = "is too large";

    } else {
        if (*buf == NULL) {
            /* one byte more than the file tells if it grew meanwhile */
            max = (size_t) ngx_file_size(fi);
            *buf = ngx_pnalloc(cf->temp_pool, max + 1);
        }

        n = (*buf == NULL) ? NGX_ERROR
                           : ngx_read_file(&file, *buf, max + 1, 0);

        if (n == NGX_ERROR) {
            err = "cannot be read";
            errn = ngx_errno;

        } else if ((size_t) n > max) {
            err = "is too large";
        }
    }

    if (ngx_close_file(fd) == NGX_FILE_ERROR) {
        ngx_conf_log_error(NGX_LOG_ALERT, cf, ngx_errno,
                           ngx_close_file_n " \"%V\" failed", name);
    }

    if (err) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, errn, "%V \"%V\" %s",
                           directive, name, err);
        return NGX_ERROR;
    }

    *len = (size_t) n;

    return NGX_OK;
}



/*
 * The key gets pages of its own, excluded from core dumps where the system
 * allows it, and cleansed when the configuration is freed, as nginx does
 * for ssl_password_file.
 */

static ngx_int_t
ngx_http_ei_hmac_key_memory(ngx_conf_t *cf, ngx_http_ei_hmac_key_t *key,
    u_char *data, size_t len)
{
    u_char              *p;
    ngx_pool_cleanup_t  *cln;

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    p = mmap(NULL, ngx_pagesize, PROT_READ|PROT_WRITE,
             MAP_PRIVATE|MAP_ANONYMOUS, -1, 0);

    if (p == MAP_FAILED) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, ngx_errno,
                           "ei_hmac could not map memory for the API key");
        return NGX_ERROR;
    }

#if (NGX_LINUX) && defined(MADV_DONTDUMP)
    if (madvise(p, ngx_pagesize, MADV_DONTDUMP) != 0) {
        ngx_conf_log_error(NGX_LOG_NOTICE, cf, ngx_errno,
                           "ei_hmac could not exclude the API key from "
                           "core dumps");
    }
#endif

    ngx_memcpy(p, data, len);

    key->value.data = p;
    key->value.len = len;

    cln->handler = ngx_http_ei_hmac_key_cleanup;
    cln->data = key;

    return NGX_OK;
}


static void
ngx_http_ei_hmac_key_cleanup(void *data)
{
    ngx_http_ei_hmac_key_t  *key = data;

    if (key->value.data) {
        ei_cleanse(key->value.data, ngx_pagesize);
        (void) munmap(key->value.data, ngx_pagesize);
        key->value.data = NULL;
        key->value.len = 0;
    }
}


static char *
ngx_http_ei_hmac_key_value(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    ngx_str_t                         *value;
    ngx_http_ei_hmac_key_t            *key;
    ngx_http_compile_complex_value_t   ccv;

    if (hlcf->key != NGX_CONF_UNSET_PTR) {
        return hlcf->key->cv ? "is duplicate"
                             : "conflicts with \"ei_hmac_api_key_file\"";
    }

    value = cf->args->elts;

    key = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_key_t));
    if (key == NULL) {
        return NGX_CONF_ERROR;
    }

    key->cv = ngx_palloc(cf->pool, sizeof(ngx_http_complex_value_t));
    if (key->cv == NULL) {
        return NGX_CONF_ERROR;
    }

    ngx_memzero(&ccv, sizeof(ngx_http_compile_complex_value_t));

    ccv.cf = cf;
    ccv.value = &value[1];
    ccv.complex_value = key->cv;

    if (ngx_http_compile_complex_value(&ccv) != NGX_OK) {
        return NGX_CONF_ERROR;
    }

    if (key->cv->lengths == NULL
        && !ei_apikey_value_ok(value[1].data, value[1].len))
    {
        return "is empty or holds a byte that is not visible ASCII";
    }

    hlcf->key = key;

    return NGX_CONF_OK;
}


static char *
ngx_http_ei_hmac_projects(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    uint64_t      *id;
    ngx_str_t     *value;
    ngx_uint_t     i, j;

    if (hlcf->projects != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;

    if (cf->args->nelts == 2 && ngx_strcmp(value[1].data, "any") == 0) {
        hlcf->projects = NULL;
        return NGX_CONF_OK;
    }

    hlcf->projects = ngx_array_create(cf->pool, cf->args->nelts - 1,
                                      sizeof(uint64_t));
    if (hlcf->projects == NULL) {
        return NGX_CONF_ERROR;
    }

    for (i = 1; i < cf->args->nelts; i++) {
        id = ngx_array_push(hlcf->projects);
        if (id == NULL) {
            return NGX_CONF_ERROR;
        }

        *id = 0;

        for (j = 0; j < value[i].len; j++) {
            if (value[i].data[j] < '0' || value[i].data[j] > '9'
                || (j == 0 && value[i].data[j] == '0')
                || j >= 16)
            {
                *id = 0;
                break;
            }

            *id = *id * 10 + (value[i].data[j] - '0');
        }

        if (*id == 0 || *id > EI_PROJECT_ID_MAX) {
            ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                               "invalid project id \"%V\" in "
                               "\"ei_hmac_projects\": an integer from 1 to "
                               "9007199254740991, or \"any\" alone",
                               &value[i]);
            return NGX_CONF_ERROR;
        }
    }

    return NGX_CONF_OK;
}


static char *
ngx_http_ei_hmac_denylist(ngx_conf_t *cf, ngx_command_t *cmd, void *conf)
{
    ngx_http_ei_hmac_loc_conf_t *hlcf = conf;

    u_char              *text;
    size_t               len, line;
    ngx_str_t           *value, name;
    ngx_file_info_t      fi;
    ei_denylist_t       *dl;
    ngx_pool_cleanup_t  *cln;

    if (hlcf->denylist != NGX_CONF_UNSET_PTR) {
        return "is duplicate";
    }

    value = cf->args->elts;
    name = value[1];
    text = NULL;

    if (ngx_http_ei_hmac_read_file(cf, &cmd->name, &name,
                                   NGX_HTTP_EI_HMAC_DENYLIST_MAX, &text, &len,
                                   &fi)
        != NGX_OK)
    {
        return NGX_CONF_ERROR;
    }

    dl = ngx_pcalloc(cf->pool, sizeof(ei_denylist_t));
    if (dl == NULL) {
        return NGX_CONF_ERROR;
    }

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_CONF_ERROR;
    }

    if (ei_denylist_parse(text, len, dl, &line) != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "%V \"%V\" line %uz is not a lowercase hex SHA-256 "
                           "digest or a comment", &cmd->name, &name, line);
        return NGX_CONF_ERROR;
    }

    cln->handler = ngx_http_ei_hmac_denylist_cleanup;
    cln->data = dl;

    hlcf->denylist = dl;

    return NGX_CONF_OK;
}




static void
ngx_http_ei_hmac_denylist_cleanup(void *data)
{
    ei_denylist_free(data);
}


/*
 * nginx's own ngx_conf_check_num_bounds() does not name the directive; a
 * returned string is printed after it
 */

static char *
ngx_http_ei_hmac_check_bounds(ngx_conf_t *cf, void *post, void *data)
{
    ngx_conf_num_bounds_t  *bounds = post;
    ngx_int_t              *np = data;

    u_char  *p, *last;

    if (*np >= bounds->low && *np <= bounds->high) {
        return NGX_CONF_OK;
    }

    p = ngx_pnalloc(cf->pool, 64);
    if (p == NULL) {
        return NGX_CONF_ERROR;
    }

    last = ngx_snprintf(p, 63, "value must be between %i and %i",
                        bounds->low, bounds->high);
    *last = '\0';

    return (char *) p;
}


static ngx_int_t
ngx_http_ei_hmac_add_variables(ngx_conf_t *cf)
{
    ngx_http_variable_t  *var, *v;

    for (v = ngx_http_ei_hmac_vars; v->name.len; v++) {
        var = ngx_http_add_variable(cf, &v->name, v->flags);
        if (var == NULL) {
            return NGX_ERROR;
        }

        var->get_handler = v->get_handler;
        var->data = v->data;
    }

    return NGX_OK;
}


static void *
ngx_http_ei_hmac_create_loc_conf(ngx_conf_t *cf)
{
    ngx_http_ei_hmac_loc_conf_t  *conf;

    conf = ngx_pcalloc(cf->pool, sizeof(ngx_http_ei_hmac_loc_conf_t));
    if (conf == NULL) {
        return NULL;
    }

    conf->enable = NGX_CONF_UNSET;
    conf->key = NGX_CONF_UNSET_PTR;
    conf->projects = NGX_CONF_UNSET_PTR;
    conf->key_min_bits = NGX_CONF_UNSET_UINT;
    conf->key_max_length = NGX_CONF_UNSET_SIZE;
    conf->denylist = NGX_CONF_UNSET_PTR;
    conf->development_keys = NGX_CONF_UNSET;
    conf->unknown_fields = NGX_CONF_UNSET_UINT;
    conf->name_max_length = NGX_CONF_UNSET_SIZE;
    conf->max_body_size = NGX_CONF_UNSET_SIZE;
    conf->errors = NGX_CONF_UNSET;

    return conf;
}


static char *
ngx_http_ei_hmac_merge_loc_conf(ngx_conf_t *cf, void *parent, void *child)
{
    ngx_http_ei_hmac_loc_conf_t *prev = parent;
    ngx_http_ei_hmac_loc_conf_t *conf = child;

    ngx_conf_merge_value(conf->enable, prev->enable, 0);
    ngx_conf_merge_ptr_value(conf->key, prev->key, NULL);
    ngx_conf_merge_ptr_value(conf->projects, prev->projects, NULL);
    ngx_conf_merge_uint_value(conf->key_min_bits, prev->key_min_bits, 128);
    ngx_conf_merge_size_value(conf->key_max_length, prev->key_max_length, 32);
    ngx_conf_merge_ptr_value(conf->denylist, prev->denylist, NULL);
    ngx_conf_merge_value(conf->development_keys, prev->development_keys, 1);
    ngx_conf_merge_uint_value(conf->unknown_fields, prev->unknown_fields,
                              NGX_HTTP_EI_HMAC_UNKNOWN_DROP);
    ngx_conf_merge_size_value(conf->name_max_length, prev->name_max_length,
                              255);
    ngx_conf_merge_size_value(conf->max_body_size, prev->max_body_size,
                              16 * 1024);
    ngx_conf_merge_value(conf->errors, prev->errors, 1);

    if (conf->enable && conf->key == NULL) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "\"ei_hmac\" is on, but neither "
                           "\"ei_hmac_api_key_file\" nor \"ei_hmac_api_key\" "
                           "is set for this location");
        return NGX_CONF_ERROR;
    }

    return NGX_CONF_OK;
}


static void
ngx_http_ei_hmac_crypto_cleanup(void *data)
{
    ei_crypto_release();
}


static ngx_int_t
ngx_http_ei_hmac_init(ngx_conf_t *cf)
{
    ngx_pool_cleanup_t         *cln;
    ngx_http_handler_pt        *h;
    ngx_http_core_main_conf_t  *cmcf;

    cln = ngx_pool_cleanup_add(cf->pool, 0);
    if (cln == NULL) {
        return NGX_ERROR;
    }

    if (ei_crypto_init() != 0) {
        ngx_conf_log_error(NGX_LOG_EMERG, cf, 0,
                           "ei_hmac could not fetch SHA-256 from OpenSSL");
        return NGX_ERROR;
    }

    cln->handler = ngx_http_ei_hmac_crypto_cleanup;

    ei_body_init();

    cmcf = ngx_http_conf_get_module_main_conf(cf, ngx_http_core_module);

    /* after the access phase: allow/deny, auth_basic, auth_request first */

    h = ngx_array_push(&cmcf->phases[NGX_HTTP_PRECONTENT_PHASE].handlers);
    if (h == NULL) {
        return NGX_ERROR;
    }

    *h = ngx_http_ei_hmac_handler;

    ngx_http_next_request_body_filter = ngx_http_top_request_body_filter;
    ngx_http_top_request_body_filter = ngx_http_ei_hmac_request_body_filter;

    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_ei_hmac_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_ei_hmac_body_filter;

    return NGX_OK;
}
