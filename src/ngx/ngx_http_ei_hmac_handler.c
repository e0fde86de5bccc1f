
/*
 * The precontent phase handler: everything decided before the body is
 * read, and the refusals the gateway answers itself.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_target.h"


static void ngx_http_ei_hmac_cleanup(void *data);
static ei_reason_t ngx_http_ei_hmac_check_head(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v);
#if (NGX_HTTP_V2)
static ngx_int_t ngx_http_ei_hmac_reject_after_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ei_verdict_t *v);
static void ngx_http_ei_hmac_pending_handler(ngx_http_request_t *r);
#endif


ngx_int_t
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


ngx_int_t
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


void
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
