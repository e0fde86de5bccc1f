
/*
 * The response filters: every error answered in an ei_hmac location
 * becomes a GenericApiResponse, whoever produced it, and the server-held
 * key is masked in whatever the upstream sends back.
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
static ngx_int_t ngx_http_ei_hmac_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ngx_int_t ngx_http_ei_hmac_mask_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, ngx_chain_t *in);
static ngx_uint_t ngx_http_ei_hmac_upstream_failed(ngx_http_request_t *r);
static ngx_str_t *ngx_http_ei_hmac_status_text(ngx_http_ei_hmac_ctx_t *ctx,
    ngx_uint_t status);
static void ngx_http_ei_hmac_consume(ngx_chain_t *in);
static void ngx_http_ei_hmac_clear_header(ngx_http_request_t *r,
    ngx_str_t *name);


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



static ngx_http_output_header_filter_pt  ngx_http_next_header_filter;
static ngx_http_output_body_filter_pt    ngx_http_next_body_filter;


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

ngx_int_t
ngx_http_ei_hmac_set_error(ngx_http_request_t *r, ngx_http_ei_hmac_ctx_t *ctx,
    ngx_uint_t status, const char *text, size_t len)
{
    size_t      n;
    ngx_buf_t  *b;

    b = ngx_create_temp_buf(r->pool, EI_ERROR_BODY_MAX);
    if (b == NULL) {
        return NGX_ERROR;
    }

    n = ei_error_body(text, ngx_min(len, EI_MSG_MAX - 1), (char *) b->pos,
                      EI_ERROR_BODY_MAX);
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
            return ngx_http_ei_hmac_mask_body(r, ctx, in);
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


ngx_int_t
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


void
ngx_http_ei_hmac_filter_init(void)
{
    ngx_http_next_header_filter = ngx_http_top_header_filter;
    ngx_http_top_header_filter = ngx_http_ei_hmac_header_filter;

    ngx_http_next_body_filter = ngx_http_top_body_filter;
    ngx_http_top_body_filter = ngx_http_ei_hmac_body_filter;
}
