
/*
 * The precontent phase handler: everything decided before the body is
 * read, then the body is read for ngx_http_ei_hmac_forward.c; and the
 * refusals the gateway answers itself, at any point of the request.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_redact.h"
#include "ei_target.h"


static ngx_int_t ngx_http_ei_hmac_error_status(ngx_http_request_t *r);
static ngx_int_t ngx_http_ei_hmac_refuse_target(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_int_t ngx_http_ei_hmac_start(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx);
static ngx_uint_t ngx_http_ei_hmac_body_coded(ngx_http_request_t *r);
static ei_reason_t ngx_http_ei_hmac_check_head(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v);
#if (NGX_HTTP_V2)
static ngx_int_t ngx_http_ei_hmac_reject_after_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);
static void ngx_http_ei_hmac_pending_handler(ngx_http_request_t *r);
#endif
static ngx_int_t ngx_http_ei_hmac_read_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_http_ei_hmac_state_e state,
    ngx_http_client_body_handler_pt post_handler);
static void ngx_http_ei_hmac_cleanup(void *data);


static ngx_str_t  ngx_http_ei_hmac_post = ngx_string("POST");


/*
 * A forwarded request sent elsewhere inside nginx (an upstream's
 * X-Accel-Redirect, error_page to a named location) would carry the
 * injected key and the hmacKey there, whatever that location has: it is
 * refused where the redirected request starts again.
 */

ngx_int_t
ngx_http_ei_hmac_redirect_handler(ngx_http_request_t *r)
{
    ngx_http_ei_hmac_ctx_t  *ctx;

    if (r != r->main || !r->internal) {
        return NGX_DECLINED;
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx == NULL || ctx->state != NGX_HTTP_EI_HMAC_FORWARDED
        || ctx->forwarded_in == r->loc_conf)
    {
        return NGX_DECLINED;
    }

    return ngx_http_ei_hmac_refuse_redirect(r, ctx);
}


/*
 * Runs again after a write event while the body is read, after the body
 * handler resumes the phases, and after an internal redirect: the state
 * says which, as mirror's ctx->status does.
 */

ngx_int_t
ngx_http_ei_hmac_handler(ngx_http_request_t *r)
{
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_ei_hmac_state_e      state;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    if (r != r->main) {
        return NGX_DECLINED;
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    if (!hlcf->enable) {
        return NGX_DECLINED;
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);
    state = ctx ? ctx->state : NGX_HTTP_EI_HMAC_NEW;

    ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac handler, state %d", (int) state);

    if (!r->valid_unparsed_uri) {
        /*
         * rewrite, try_files or error_page changed the target: the proxy
         * would send r->uri, not the target the client sent and the module
         * checks
         */

        if (state != NGX_HTTP_EI_HMAC_NEW || r->err_status) {
            return ngx_http_ei_hmac_error_status(r);
        }

        return ngx_http_ei_hmac_refuse_target(r, ctx);
    }

    switch (state) {

    case NGX_HTTP_EI_HMAC_FORWARDED:
        /*
         * the body handler resumed the phases, or an internal redirect
         * after the request was rewritten: checking it again would check
         * the canonical body and inject a key twice
         */
        return NGX_DECLINED;

    case NGX_HTTP_EI_HMAC_READING_BODY:
    case NGX_HTTP_EI_HMAC_DRAINING:
        if (!r->internal) {
            /* a write event while the body is read: the body handler goes on */
            return NGX_DONE;
        }

        /* nginx failed the request while its body was read (error_page) */

        ctx->state = NGX_HTTP_EI_HMAC_FAILED;
        return ngx_http_ei_hmac_error_status(r);

    case NGX_HTTP_EI_HMAC_REFUSED:
    case NGX_HTTP_EI_HMAC_FAILED:
        /* answered already; error_page into this location keeps the error */
        return r->internal ? ngx_http_ei_hmac_error_status(r) : NGX_DONE;

    default: /* NGX_HTTP_EI_HMAC_NEW */

        if (ctx && r->internal) {
            /* error_page into this location after nginx refused the request */
            return ngx_http_ei_hmac_error_status(r);
        }

        return ngx_http_ei_hmac_start(r, hlcf, ctx);
    }
}


/* a request that comes back with an error never goes upstream */

static ngx_int_t
ngx_http_ei_hmac_error_status(ngx_http_request_t *r)
{
    return r->err_status ? r->err_status : NGX_HTTP_INTERNAL_SERVER_ERROR;
}


static ngx_int_t
ngx_http_ei_hmac_refuse_target(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ei_verdict_t  v;

    if (ctx == NULL) {
        ctx = ngx_http_ei_hmac_create_ctx(r);
        if (ctx == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

    ctx->cause = "the request target was changed inside nginx "
                 "(rewrite, try_files, error_page)";

    (void) ei_verdict_set(&v, EI_ERROR_INTERNAL);

    return ngx_http_ei_hmac_reject(r, ctx, &v, 1);
}


static ngx_int_t
ngx_http_ei_hmac_start(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx)
{
    ei_verdict_t  v;

    if (ctx == NULL) {
        ctx = ngx_http_ei_hmac_create_ctx(r);
        if (ctx == NULL) {
            return NGX_HTTP_INTERNAL_SERVER_ERROR;
        }
    }

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

    return ngx_http_ei_hmac_read_body(r, ctx, NGX_HTTP_EI_HMAC_READING_BODY,
                                      ngx_http_ei_hmac_body_handler);
}


/* 1 when a Content-Encoding header of the request names another coding */

static ngx_uint_t
ngx_http_ei_hmac_body_coded(ngx_http_request_t *r)
{
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return 0;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len == sizeof("Content-Encoding") - 1
            && ngx_strncasecmp(h[i].key.data, (u_char *) "Content-Encoding",
                               sizeof("Content-Encoding") - 1) == 0
            && !ei_codings_only(h[i].value.data, h[i].value.len, "identity"))
        {
            return 1;
        }
    }
}


/* steps 2 to 6 of "What a request goes through": all before the body */

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

    if (hlcf->projects
        && !ei_project_allowed(ctx->project_id, hlcf->projects->elts,
                               hlcf->projects->nelts))
    {
        return ei_verdict_set(v, EI_REJECT_PROJECT);
    }

    /* the project's key file, else the location's key, else not served */

    if (ngx_http_ei_hmac_dir_key(r, hlcf, ctx) != EI_OK) {
        return ei_verdict_set(v, EI_REJECT_PROJECT);
    }

    ct = r->headers_in.content_type;

    if (ct == NULL || !ei_media_type_ok(ct->value.data, ct->value.len)) {
        return ei_verdict_set(v, EI_REJECT_MEDIA_TYPE);
    }

    /* the body is checked and forwarded as it is, never decoded */

    if (ngx_http_ei_hmac_body_coded(r)) {
        return ei_verdict_fmt(v, EI_REJECT_MEDIA_TYPE,
                              "Content-Encoding must be identity");
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


#if (NGX_HTTP_V2)

static ngx_int_t
ngx_http_ei_hmac_reject_after_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v)
{
    ctx->pending = ngx_palloc(r->pool, sizeof(ei_verdict_t));
    if (ctx->pending == NULL) {
        /* the answer still goes out, only the stream ends less cleanly */
        return ngx_http_ei_hmac_reject(r, ctx, v, 1);
    }

    ngx_memcpy(ctx->pending, v, sizeof(ei_verdict_t));

    return ngx_http_ei_hmac_read_body(r, ctx, NGX_HTTP_EI_HMAC_DRAINING,
                                      ngx_http_ei_hmac_pending_handler);
}


static void
ngx_http_ei_hmac_pending_handler(ngx_http_request_t *r)
{
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_ei_hmac_get_ctx(r);

    ngx_http_ei_hmac_cleanse_body(r);

    (void) ngx_http_ei_hmac_reject(r, ctx, ctx->pending, 0);
}

#endif


/* mirror's pattern: the post handler may run before this returns */

static ngx_int_t
ngx_http_ei_hmac_read_body(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_http_ei_hmac_state_e state,
    ngx_http_client_body_handler_pt post_handler)
{
    ngx_int_t  rc;

    ctx->state = state;

    rc = ngx_http_read_client_request_body(r, post_handler);

    if (rc >= NGX_HTTP_SPECIAL_RESPONSE) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac reading body failed: %i", rc);

        /* the request body filter may have refused it (413) */

        if (ctx->state == state) {
            ctx->state = NGX_HTTP_EI_HMAC_FAILED;
        }

        return rc;
    }

    ngx_http_finalize_request(r, NGX_DONE);
    return NGX_DONE;
}


/*
 * The gateway's own answer to a refused request.  Whatever happens here,
 * the request is finalized exactly once and NGX_DONE is returned, so that
 * callers after the body (which have no one to hand a status to) and the
 * phase handler alike are done with it.
 */

ngx_int_t
ngx_http_ei_hmac_reject(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v, ngx_uint_t discard)
{
    ngx_int_t                rc;
    const ei_reason_info_t  *info;

    info = ei_reason_info(v->reason);

    ngx_http_ei_hmac_set_outcome(r, ctx, v);
    ngx_http_ei_hmac_log_refusal(r, ctx);

    /*
     * the body of a request refused before it was read is discarded, so
     * that a keep-alive or pipelined connection stays in step
     */

    if (discard) {
        /* no "100 Continue": the client need not send what is refused */
        r->expect_tested = 1;

        rc = ngx_http_discard_request_body(r);

        if (rc != NGX_OK) {
            ngx_http_finalize_request(r, rc);
            return NGX_DONE;
        }
    }

    if (ngx_http_ei_hmac_fault(r, "reject")
        || (v->reason == EI_REJECT_METHOD
            && ngx_http_ei_hmac_add_allow(r, &ngx_http_ei_hmac_post)
               != NGX_OK)
        || ngx_http_ei_hmac_replace(r, ctx, info->status, v->msg, v->len)
           != NGX_OK)
    {
        /* nginx's own 500, which the header filter turns into JSON */
        ngx_http_finalize_request(r, NGX_HTTP_INTERNAL_SERVER_ERROR);
        return NGX_DONE;
    }

    /*
     * a body too large is not worth reading to keep the connection, as
     * nginx decides for its own 413; after other rejections the connection
     * is in step (the body was read or is discarded) and stays open
     */

    if (info->status == NGX_HTTP_REQUEST_ENTITY_TOO_LARGE) {
        r->keepalive = 0;
    }

    ngx_http_finalize_request(r, ngx_http_ei_hmac_send_reply(r, ctx));
    return NGX_DONE;
}


/* an Allow header with these methods, for a 405 (also ei_hmac_metrics') */

ngx_int_t
ngx_http_ei_hmac_add_allow(ngx_http_request_t *r, ngx_str_t *methods)
{
    ngx_table_elt_t  *allow;

    allow = ngx_list_push(&r->headers_out.headers);
    if (allow == NULL) {
        return NGX_ERROR;
    }

    allow->hash = 1;
#if (nginx_version >= 1023000)
    allow->next = NULL;
    r->headers_out.allow = allow;
#endif
    ngx_str_set(&allow->key, "Allow");
    allow->value = *methods;

    return NGX_OK;
}


void
ngx_http_ei_hmac_set_outcome(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v)
{
    ctx->state = NGX_HTTP_EI_HMAC_REFUSED;
    ctx->reason = v->reason;

    ctx->error.data = ngx_pnalloc(r->pool, v->len);

    if (ctx->error.data == NULL) {
        ctx->error.len = 0;
        return;
    }

    ngx_memcpy(ctx->error.data, v->msg, v->len);
    ctx->error.len = v->len;
}


/*
 * One line per refusal, in the form the README documents:
 *
 *     ei_hmac OUTCOME, project "ID": "TEXT"
 *
 * at info for what the client did wrong, at error (with the cause) when
 * the gateway has no key or failed; "-" for a project not known yet.
 */

void
ngx_http_ei_hmac_log_refusal(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_uint_t   level;
    const char  *outcome, *cause;

    outcome = ei_reason_info(ctx->reason)->outcome;
    level = NGX_LOG_INFO;
    cause = NULL;

    if (ctx->reason == EI_ERROR_NO_KEY || ctx->reason == EI_ERROR_INTERNAL) {
        level = NGX_LOG_ERR;
        outcome = outcome[0] ? outcome : "error_internal";
        cause = ctx->cause ? ctx->cause : "out of memory";
    }

    /* nothing is formatted unless the line is written */

    if (r->connection->log->log_level < level) {
        return;
    }

    if (ctx->project_id == 0) {
        ngx_log_error(level, r->connection->log, 0,
                      "ei_hmac %s, project \"-\": \"%V\"%s%s%s", outcome,
                      &ctx->error, cause ? " (" : "", cause ? cause : "",
                      cause ? ")" : "");
        return;
    }

    ngx_log_error(level, r->connection->log, 0,
                  "ei_hmac %s, project \"%uL\": \"%V\"%s%s%s", outcome,
                  ctx->project_id, &ctx->error, cause ? " (" : "",
                  cause ? cause : "", cause ? ")" : "");
}


/*
 * error_page and other internal redirects zero every module's ctx; the ctx
 * is found again through its pool cleanup, which lives as long as the
 * request, so that a redirected request is neither validated twice nor
 * loses what the variables report.
 */

ngx_http_ei_hmac_ctx_t *
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


ngx_http_ei_hmac_ctx_t *
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

    /* ngx_pcalloc(): NGX_HTTP_EI_HMAC_NEW, NGX_HTTP_EI_HMAC_PASS, EI_OK */

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


#if (NGX_HTTP_EI_HMAC_FAULTS)

ngx_uint_t
ngx_http_ei_hmac_fault(ngx_http_request_t *r, const char *name)
{
    size_t            len;
    ngx_uint_t        i;
    ngx_list_part_t  *part;
    ngx_table_elt_t  *h;

    len = ngx_strlen(name);

    part = &r->headers_in.headers.part;
    h = part->elts;

    for (i = 0; /* void */; i++) {

        if (i >= part->nelts) {
            if (part->next == NULL) {
                return 0;
            }

            part = part->next;
            h = part->elts;
            i = 0;
        }

        if (h[i].key.len == sizeof("X-EI-Hmac-Fault") - 1
            && ngx_strncasecmp(h[i].key.data, (u_char *) "X-EI-Hmac-Fault",
                               h[i].key.len) == 0
            && h[i].value.len == len
            && ngx_strncmp(h[i].value.data, name, len) == 0)
        {
            ngx_log_error(NGX_LOG_NOTICE, r->connection->log, 0,
                          "ei_hmac injected fault \"%s\"", name);
            return 1;
        }
    }
}

#endif
