
/*
 * The response filters: every error answered in an ei_hmac location
 * becomes a GenericApiResponse, whoever produced it (nginx sends its own
 * error pages through the ordinary filters, so no error_page is needed),
 * and the server-held key is masked in whatever the upstream sends back.
 * ctx->filter says what the body filter does with the response.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_redact.h"
#include "ei_response.h"


/* upstream error bodies inspected for a GenericApiResponse, at most */
#define NGX_HTTP_EI_HMAC_INSPECT_MAX     16384


static ngx_int_t ngx_http_ei_hmac_header_filter(ngx_http_request_t *r);
static ngx_int_t ngx_http_ei_hmac_error_header(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_int_t ngx_http_ei_hmac_replace_header(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status, ngx_str_t *text);
static void ngx_http_ei_hmac_watch_upstream(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static void ngx_http_ei_hmac_upstream_finalize(ngx_http_request_t *r,
    ngx_int_t rc);
static ngx_int_t ngx_http_ei_hmac_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_mask_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_inspect_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_pass_upstream_error(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_int_t ngx_http_ei_hmac_collect(ngx_buf_t *dst, ngx_chain_t *in,
    ngx_uint_t *last);
static ngx_int_t ngx_http_ei_hmac_replace_status(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status);
static ngx_int_t ngx_http_ei_hmac_send_replacement(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static ngx_int_t ngx_http_ei_hmac_send_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx);
static void ngx_http_ei_hmac_consume(ngx_chain_t *in);


static ngx_str_t  ngx_http_ei_hmac_json_type = ngx_string("application/json");

static ngx_str_t  ngx_http_ei_hmac_upstream_401 =
    ngx_string("upstream rejected the gateway's API key");

static ngx_str_t  ngx_http_ei_hmac_www_auth[] = {
    ngx_string("WWW-Authenticate"),
    ngx_null_string
};

/* what describes a body: wrong for the one that replaces it */
static ngx_str_t  ngx_http_ei_hmac_body_headers[] = {
    ngx_string("Content-Length"),
    ngx_string("Content-Encoding"),
    ngx_string("Content-Range"),
    ngx_string("Accept-Ranges"),
    ngx_string("ETag"),
    ngx_string("Last-Modified"),
    ngx_string("Content-MD5"),
    ngx_string("Digest"),
    ngx_string("Content-Digest"),
    ngx_string("Repr-Digest"),
    ngx_string("Content-Language"),
    ngx_string("Content-Location"),
    ngx_string("Content-Disposition"),
    ngx_null_string
};

static ngx_str_t  ngx_http_ei_hmac_upstream_invalid =
    ngx_string("upstream sent an invalid response");

static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


static ngx_int_t
ngx_http_ei_hmac_header_filter(ngx_http_request_t *r)
{
    ngx_uint_t                    invalid;
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    if (r != r->main) {
        return ngx_http_next_header_filter(r);
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx && (ctx->filter == NGX_HTTP_EI_HMAC_REPLACE
                || ctx->filter == NGX_HTTP_EI_HMAC_SENT))
    {
        /* the gateway's own answer */
        return ngx_http_next_header_filter(r);
    }

    /*
     * whatever ei_hmac_errors says, and whatever location an internal
     * redirect led to, the key never goes back to the client
     */

    if (ctx && ctx->redact.len && r->upstream) {
        ngx_http_ei_hmac_redact_headers(r, ctx);
        ngx_http_ei_hmac_watch_upstream(r, ctx);

        if (r->err_status == 0
            && ngx_http_ei_hmac_check_maskable(r) == NGX_DECLINED)
        {
            ngx_http_ei_hmac_drop_upstream(r);

            return ngx_http_ei_hmac_replace_header(r, ctx,
                       NGX_HTTP_BAD_GATEWAY,
                       &ngx_http_ei_hmac_upstream_invalid);
        }
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    if (!hlcf->enable || !hlcf->errors) {
        return ngx_http_next_header_filter(r);
    }

    invalid = (r->upstream && r->http_version == NGX_HTTP_VERSION_9
               && r->http_major >= 1);

    if (!invalid && r->headers_out.status < NGX_HTTP_BAD_REQUEST) {
        return ngx_http_next_header_filter(r);
    }

    if (ctx == NULL) {
        ctx = ngx_http_ei_hmac_create_ctx(r);
        if (ctx == NULL) {
            return NGX_ERROR;
        }
    }

    if (invalid) {
        /*
         * the proxy module passes an answer without a status line as
         * HTTP/0.9, which no client of this API can read
         */

        r->http_version = r->http_major * 1000 + r->http_minor;
        r->keepalive = 0;

        ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                      "ei_hmac rewrote an upstream answer without a status "
                      "line into a GenericApiResponse");

        return ngx_http_ei_hmac_replace_header(r, ctx, NGX_HTTP_BAD_GATEWAY,
                                            &ngx_http_ei_hmac_upstream_invalid);
    }

    return ngx_http_ei_hmac_error_header(r, ctx);
}


/* an error status from nginx, the upstream, or the gateway's own verdict */

static ngx_int_t
ngx_http_ei_hmac_error_header(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_uint_t            status;
    ngx_http_upstream_t  *u;

    status = r->headers_out.status;
    u = r->upstream;

    if (u && r->err_status == 0 && u->headers_in.status_n == status) {

        ctx->upstream_status = status;

        if (status == NGX_HTTP_UNAUTHORIZED) {
            ngx_log_error(NGX_LOG_ERR, r->connection->log, 0,
                          "ei_hmac upstream rejected the gateway's API key "
                          "for project \"%uL\"", ctx->project_id);

            /* the challenge was for the gateway, not for its client */

            ngx_http_ei_hmac_clear_headers(r, ngx_http_ei_hmac_www_auth);
            r->headers_out.www_authenticate = NULL;

            return ngx_http_ei_hmac_replace_header(r, ctx,
                       NGX_HTTP_BAD_GATEWAY, &ngx_http_ei_hmac_upstream_401);
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

    /* the gateway's own verdict (a chunked body too large) was logged */

    if (ctx->state == NGX_HTTP_EI_HMAC_REFUSED && ctx->error.len
        && (ngx_uint_t) ei_reason_info(ctx->reason)->status == status)
    {
        return ngx_http_ei_hmac_replace_header(r, ctx, status, &ctx->error);
    }

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "ei_hmac rewrote %s %ui response into a GenericApiResponse",
                  ctx->upstream_status ? "upstream" : "nginx", status);

    if (ngx_http_ei_hmac_replace_status(r, ctx, status) != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_http_next_header_filter(r);
}


/* the body goes out when the body filter is first called */

static ngx_int_t
ngx_http_ei_hmac_replace_header(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status, ngx_str_t *text)
{
    if (ngx_http_ei_hmac_replace(r, ctx, status, (char *) text->data,
                                 text->len)
        != NGX_OK)
    {
        return NGX_ERROR;
    }

    /* for $ei_hmac_error: the texts are static or in ctx */
    ctx->sent = *text;

    return ngx_http_next_header_filter(r);
}


/*
 * Once the upstream's header is taken, nginx ends a failed response
 * (a body cut off, stalled or badly chunked) by closing the connection,
 * and the client would get the held-back or announced header with no
 * body, or nothing at all: the upstream module's finalizer is wrapped so
 * that the gateway's answer goes out first.
 */

static void
ngx_http_ei_hmac_watch_upstream(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_http_upstream_t  *u;

    u = r->upstream;

    if (ctx->finalize || u->finalize_request == NULL) {
        return;
    }

    ctx->finalize = u->finalize_request;
    u->finalize_request = ngx_http_ei_hmac_upstream_finalize;
}


static void
ngx_http_ei_hmac_upstream_finalize(ngx_http_request_t *r, ngx_int_t rc)
{
    ngx_uint_t               status;
    ngx_connection_t        *c;
    ngx_http_upstream_t     *u;
    ngx_http_ei_hmac_ctx_t  *ctx;

    ctx = ngx_http_ei_hmac_get_ctx(r);
    u = r->upstream;

    ctx->finalize(r, rc);

    if (rc == NGX_OK || rc == NGX_DECLINED || !u->header_sent
        || rc == NGX_HTTP_REQUEST_TIME_OUT
        || rc == NGX_HTTP_CLIENT_CLOSED_REQUEST || r->connection->error)
    {
        /* the body ends as usual, or nginx answers itself, or no client */
        return;
    }

    /*
     * what is sent now must not wait for limit_rate: on NGX_ERROR nginx
     * closes the connection next, and a delayed write would be lost
     */

    r->keepalive = 0;
    r->limit_rate = 0;
    r->limit_rate_set = 1;

    c = r->connection;

    if (c->write->delayed) {
        c->write->delayed = 0;

        if (c->write->timer_set) {
            ngx_del_timer(c->write);
        }
    }

    if (ctx->filter == NGX_HTTP_EI_HMAC_REPLACE) {
        (void) ngx_http_ei_hmac_send_body(r, ctx);
        return;
    }

    if (ctx->filter != NGX_HTTP_EI_HMAC_INSPECT) {
        return;
    }

    /* the connection is still open: nginx closes it after this */

    status = (rc == NGX_HTTP_GATEWAY_TIME_OUT
              || (u->peer.connection && u->peer.connection->read->timedout))
             ? NGX_HTTP_GATEWAY_TIME_OUT : NGX_HTTP_BAD_GATEWAY;

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "ei_hmac upstream %ui response broke off, answered %ui",
                  r->headers_out.status, status);

    if (ngx_http_ei_hmac_replace_status(r, ctx, status) == NGX_OK) {
        (void) ngx_http_ei_hmac_send_replacement(r, ctx);
    }
}


/* the gateway's own answer: the header through every filter, then the body */

ngx_int_t
ngx_http_ei_hmac_send_reply(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_int_t  rc;

    rc = ngx_http_send_header(r);

    if (rc == NGX_ERROR || rc > NGX_OK || r->header_only) {
        ctx->filter = NGX_HTTP_EI_HMAC_SENT;
        return rc;
    }

    return ngx_http_ei_hmac_send_body(r, ctx);
}


static ngx_int_t
ngx_http_ei_hmac_body_filter(ngx_http_request_t *r, ngx_chain_t *in)
{
    ngx_http_ei_hmac_ctx_t  *ctx;

    if (r != r->main) {
        return ngx_http_next_body_filter(r, in);
    }

    ctx = ngx_http_ei_hmac_get_ctx(r);

    if (ctx == NULL) {
        return ngx_http_next_body_filter(r, in);
    }

    switch (ctx->filter) {

    case NGX_HTTP_EI_HMAC_REDACT:
        return ngx_http_ei_hmac_mask_body(r, ctx, in);

    case NGX_HTTP_EI_HMAC_INSPECT:
        return ngx_http_ei_hmac_inspect_body(r, ctx, in);

    case NGX_HTTP_EI_HMAC_REPLACE:
        /* the header announced the reply: it is the whole body */
        ngx_http_ei_hmac_consume(in);
        return ngx_http_ei_hmac_send_body(r, ctx);

    case NGX_HTTP_EI_HMAC_SENT:
        /* what the write filter still holds must go out */
        ngx_http_ei_hmac_consume(in);
        return ngx_http_next_body_filter(r, NULL);

    default: /* NGX_HTTP_EI_HMAC_PASS */
        return ngx_http_next_body_filter(r, in);
    }
}


static ngx_int_t
ngx_http_ei_hmac_mask_body(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_chain_t *in)
{
    ngx_int_t     rc;
    ngx_chain_t  *out;

    if (ngx_http_ei_hmac_redact_body(r, ctx, in, &out) != NGX_OK) {
        return NGX_ERROR;
    }

    rc = ngx_http_next_body_filter(r, out);

    ngx_chain_update_chains(r->pool, &ctx->free, &ctx->busy, &out,
                            (ngx_buf_tag_t) &ngx_http_ei_hmac_module);

    return rc;
}


/*
 * The upstream's error body, collected up to the bound while its header
 * is held back: passed when it is a GenericApiResponse, replaced by one
 * otherwise.
 */

static ngx_int_t
ngx_http_ei_hmac_inspect_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in)
{
    ngx_int_t   rc;
    ngx_uint_t  status, last;

    if (ctx->inspect == NULL) {
        ctx->inspect = ngx_create_temp_buf(r->pool,
                                           NGX_HTTP_EI_HMAC_INSPECT_MAX);
        if (ctx->inspect == NULL) {
            return NGX_ERROR;
        }
    }

    rc = ngx_http_ei_hmac_collect(ctx->inspect, in, &last);

    ngx_http_ei_hmac_consume(in);

    status = r->headers_out.status;

    if (rc == NGX_OK && !last) {
        /* more follows, or the upstream fails (see the finalizer) */
        return NGX_OK;
    }

    if (rc == NGX_OK
        && ei_api_response_check(ctx->inspect->pos,
                                 ctx->inspect->last - ctx->inspect->pos))
    {
        return ngx_http_ei_hmac_pass_upstream_error(r, ctx);
    }

    /* not a GenericApiResponse, or larger than the bound */

    ngx_log_error(NGX_LOG_INFO, r->connection->log, 0,
                  "ei_hmac rewrote upstream %ui response into a "
                  "GenericApiResponse", status);

    if (ngx_http_ei_hmac_replace_status(r, ctx, status) != NGX_OK) {
        return NGX_ERROR;
    }

    return ngx_http_ei_hmac_send_replacement(r, ctx);
}


/* Studio's own GenericApiResponse goes out as it is, the key masked */

static ngx_int_t
ngx_http_ei_hmac_pass_upstream_error(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    size_t  len;

    ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac upstream error is a GenericApiResponse");

    len = ctx->inspect->last - ctx->inspect->pos;

    if (ctx->redact.len) {
        (void) ei_redact_all(ctx->redact.data, ctx->redact.len,
                             ctx->inspect->pos, len);
    }

    ctx->reply = ctx->inspect;

    r->headers_out.content_length_n = len;

    if (r->headers_out.content_length) {
        r->headers_out.content_length->hash = 0;
        r->headers_out.content_length = NULL;
    }

    return ngx_http_ei_hmac_send_replacement(r, ctx);
}


/*
 * Copies the bytes of in to dst; *last tells whether in ends the body.
 * NGX_DECLINED: the body is larger than dst.
 */

static ngx_int_t
ngx_http_ei_hmac_collect(ngx_buf_t *dst, ngx_chain_t *in, ngx_uint_t *last)
{
    size_t        n;
    ngx_chain_t  *cl;

    *last = 0;

    for (cl = in; cl; cl = cl->next) {
        n = cl->buf->last - cl->buf->pos;

        if (ngx_buf_in_memory(cl->buf) && n) {
            if ((size_t) (dst->end - dst->last) < n) {
                return NGX_DECLINED;
            }

            dst->last = ngx_cpymem(dst->last, cl->buf->pos, n);
        }

        if (cl->buf->last_buf || cl->buf->last_in_chain) {
            *last = 1;
        }
    }

    return NGX_OK;
}


static ngx_int_t
ngx_http_ei_hmac_replace_status(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_uint_t status)
{
    size_t       len;
    const char  *text;

    text = ei_status_text(status, &len);

    ctx->sent.data = (u_char *) text;
    ctx->sent.len = len;

    return ngx_http_ei_hmac_replace(r, ctx, status, text, len);
}


/*
 * The one way a response is replaced: the headers of a GenericApiResponse
 * are set, and its body is kept in ctx->reply until the body filter (or
 * ngx_http_ei_hmac_send_reply()) sends it.
 */

ngx_int_t
ngx_http_ei_hmac_replace(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
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

    ctx->reply = b;
    ctx->filter = NGX_HTTP_EI_HMAC_REPLACE;

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

    ngx_http_ei_hmac_clear_headers(r, ngx_http_ei_hmac_body_headers);
    r->headers_out.content_encoding = NULL;
    r->headers_out.content_range = NULL;

    r->headers_out.content_length_n = n;

    /* the error is ours now, whatever body the original one announced */

    r->filter_need_in_memory = 1;

    return NGX_OK;
}


/* the held-back header goes out now, with ctx->reply as the body */

static ngx_int_t
ngx_http_ei_hmac_send_replacement(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx)
{
    ctx->filter = NGX_HTTP_EI_HMAC_REPLACE;

    if (ngx_http_next_header_filter(r) == NGX_ERROR) {
        return NGX_ERROR;
    }

    return ngx_http_ei_hmac_send_body(r, ctx);
}


static ngx_int_t
ngx_http_ei_hmac_send_body(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx)
{
    ngx_chain_t  out;

    ctx->filter = NGX_HTTP_EI_HMAC_SENT;

    ctx->reply->last_buf = 1;
    ctx->reply->last_in_chain = 1;

    out.buf = ctx->reply;
    out.next = NULL;

    return ngx_http_next_body_filter(r, &out);
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


void
ngx_http_ei_hmac_filter_init(void)
{
    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_ei_hmac_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_ei_hmac_body_filter;
}
