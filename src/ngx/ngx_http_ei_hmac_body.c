
/*
 * The request body: counted as it arrives, so that a chunked body over
 * ei_hmac_max_body_size is refused early; once read, flattened, cleansed
 * where nginx kept it, and checked (src/ei_body.c).  A valid body goes on
 * to ngx_http_ei_hmac_forward.c.
 */


#include <ngx_config.h>
#include <ngx_core.h>
#include <ngx_http.h>

#include "ngx_http_ei_hmac.h"

#include "ei_body.h"


static ngx_int_t ngx_http_ei_hmac_request_body_filter(ngx_http_request_t *r,
    ngx_chain_t *in);
static ei_reason_t ngx_http_ei_hmac_check_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v);
static ei_reason_t ngx_http_ei_hmac_validate(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    u_char *body, size_t len, ei_body_result_t *res, ei_verdict_t *v);
static u_char *ngx_http_ei_hmac_flatten_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, size_t max, size_t *len, ngx_uint_t *copy);


static ngx_http_request_body_filter_pt   ngx_http_next_request_body_filter;


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

    if (ctx == NULL
        || (ctx->state != NGX_HTTP_EI_HMAC_READING_BODY
            && ctx->state != NGX_HTTP_EI_HMAC_DRAINING))
    {
        return ngx_http_next_request_body_filter(r, in);
    }

    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    for (cl = in; cl; cl = cl->next) {
        ctx->received += ngx_buf_size(cl->buf);
    }

    if (ctx->received > (off_t) hlcf->max_body_size) {
        ngx_log_debug1(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                       "ei_hmac body larger than %uz", hlcf->max_body_size);

        /*
         * nginx finalizes the request with this status and never calls the
         * post handler; the header filter answers with the text set here
         */

        (void) ei_verdict_too_large(&v, hlcf->max_body_size);

        ngx_http_ei_hmac_set_outcome(r, ctx, &v);
        ngx_http_ei_hmac_log_refusal(r, ctx);

        return NGX_HTTP_REQUEST_ENTITY_TOO_LARGE;
    }

    return ngx_http_next_request_body_filter(r, in);
}


void
ngx_http_ei_hmac_request_body_filter_init(void)
{
    ngx_http_next_request_body_filter = ngx_http_top_request_body_filter;
    ngx_http_top_request_body_filter = ngx_http_ei_hmac_request_body_filter;
}


void
ngx_http_ei_hmac_body_handler(ngx_http_request_t *r)
{
    ei_verdict_t                  v;
    ngx_http_ei_hmac_ctx_t       *ctx;
    ngx_http_core_loc_conf_t     *clcf;
    ngx_http_ei_hmac_loc_conf_t  *hlcf;

    ctx = ngx_http_ei_hmac_get_ctx(r);
    hlcf = ngx_http_get_module_loc_conf(r, ngx_http_ei_hmac_module);

    ngx_log_debug0(NGX_LOG_DEBUG_HTTP, r->connection->log, 0,
                   "ei_hmac body handler");

    if (ngx_http_ei_hmac_check_body(r, hlcf, ctx, &v) != EI_OK) {
        /* finalizes the request, whatever happens */
        (void) ngx_http_ei_hmac_reject(r, ctx, &v, 0);
        return;
    }

    clcf = ngx_http_get_module_loc_conf(r, ngx_http_core_module);

    if (clcf->handler == NULL) {
        /* nginx's static module would answer 404 or 405 to a valid request */
        ctx->cause = "the location has no content handler: add proxy_pass";
        (void) ei_verdict_set(&v, EI_ERROR_INTERNAL);
        (void) ngx_http_ei_hmac_reject(r, ctx, &v, 0);
        return;
    }

    ctx->state = NGX_HTTP_EI_HMAC_FORWARDED;
    ctx->forwarded_in = r->loc_conf;

    r->preserve_body = 1;

    r->write_event_handler = ngx_http_core_run_phases;
    ngx_http_core_run_phases(r);
}


static ei_reason_t
ngx_http_ei_hmac_check_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    ei_verdict_t *v)
{
    u_char            *body;
    size_t             len;
    ngx_uint_t         copy;
    ei_reason_t        reason;
    ei_body_result_t   res;

    body = ngx_http_ei_hmac_flatten_body(r, ctx, hlcf->max_body_size, &len,
                                         &copy);

    ngx_memzero(&res, sizeof(ei_body_result_t));

    reason = ngx_http_ei_hmac_validate(r, hlcf, ctx, body, len, &res, v);

    /*
     * the client's copy of the hmacKey is no longer needed anywhere: what
     * nginx kept of the body, and ours when it had to be made
     */

    ngx_http_ei_hmac_cleanse_body(r);

    if (copy) {
        ei_cleanse(body, len);
    }

    if (reason != EI_OK) {
        return reason;
    }

    /* $ei_hmac_key_fingerprint is made from here, if it is ever read */

    ctx->hmac_key_at = res.key_at;
    ctx->hmac_key_len = res.key_len;

    return ngx_http_ei_hmac_forward(r, hlcf, ctx, &res, v);
}


static ei_reason_t
ngx_http_ei_hmac_validate(ngx_http_request_t *r,
    ngx_http_ei_hmac_loc_conf_t *hlcf, ngx_http_ei_hmac_ctx_t *ctx,
    u_char *body, size_t len, ei_body_result_t *res, ei_verdict_t *v)
{
    u_char            *out;
    size_t             size;
    ei_reason_t        reason;
    ei_body_policy_t   policy;

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
    policy.lazy_fingerprint = 1;

    reason = ei_body_check(body, len, &policy, out, size, res, v);

    /* what was written of out is all there is to cleanse at the end */

    ctx->canonical_size = res->out_used;

    if (res->name) {
        ctx->name.len = res->name_len;
        ctx->name.data = ngx_pnalloc(r->pool, res->name_len);

        if (ctx->name.data == NULL) {
            ctx->name.len = 0;

        } else {
            ngx_memcpy(ctx->name.data, res->name, res->name_len);
        }
    }

    if (res->fingerprint[0]) {
        ngx_memcpy(ctx->fingerprint, res->fingerprint,
                   sizeof(res->fingerprint));
    }

    return reason;
}


/*
 * The body may be one or several memory buffers, or a temporary file when
 * nginx spilled it; the parser wants it contiguous.  One memory buffer is
 * read where it is (*copy 0): a copy would be one more buffer holding the
 * hmacKey to cleanse.
 */

static u_char *
ngx_http_ei_hmac_flatten_body(ngx_http_request_t *r,
    ngx_http_ei_hmac_ctx_t *ctx, size_t max, size_t *len, ngx_uint_t *copy)
{
    off_t         size;
    u_char       *body, *p;
    ssize_t       n;
    ngx_buf_t    *b;
    ngx_chain_t  *cl;

    *len = 0;
    *copy = 0;

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

    cl = r->request_body->bufs;

    if (cl->next == NULL && !cl->buf->in_file) {
        *len = (size_t) size;
        return cl->buf->pos;
    }

    body = ngx_pnalloc(r->pool, (size_t) size);
    if (body == NULL) {
        *len = (size_t) size;
        return NULL;
    }

    *copy = 1;

    p = body;

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        b = cl->buf;

        if (b->in_file) {
            n = ngx_read_file(b->file, p, (size_t) (b->file_last - b->file_pos),
                              b->file_pos);

            if (n != b->file_last - b->file_pos) {
                ctx->cause = "the request body could not be read from its "
                             "temporary file";
                ei_cleanse(body, p - body);
                *len = (size_t) size;
                *copy = 0;
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

void
ngx_http_ei_hmac_cleanse_body(ngx_http_request_t *r)
{
    off_t         off, size;
    u_char        zeros[4096];
    ssize_t       n;
    ngx_buf_t    *b, *rb;
    ngx_chain_t  *cl;

    if (r->request_body == NULL) {
        return;
    }

    /*
     * the read buffer keeps the last part of a body written to a file; a
     * buffer inside r->header_in may also hold the next pipelined request
     */

    rb = r->request_body->buf;

    if (rb && rb->start && rb->last > rb->start
        && (r->header_in == NULL
            || rb->start < r->header_in->start
            || rb->start >= r->header_in->end))
    {
        ei_cleanse(rb->start, rb->last - rb->start);

    } else {
        rb = NULL;
    }

    /* the body's buffers, but for those inside the read buffer, done */

    for (cl = r->request_body->bufs; cl; cl = cl->next) {
        b = cl->buf;

        if (b->in_file || b->pos == NULL || b->last <= b->pos
            || (rb && b->pos >= rb->start && b->last <= rb->last))
        {
            continue;
        }

        ei_cleanse(b->pos, b->last - b->pos);
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
