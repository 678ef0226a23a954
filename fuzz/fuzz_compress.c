/* fuzz_compress.c - the gzip and brotli copies of any bytes decode to
 * those bytes. */
#include <brotli/decode.h>
#include <zlib.h>

#include "fuzz.h"
#include "webcast_compress.h"

static void gunzip_equals(webcast_bytes c, const uint8_t *data, size_t size)
{
    unsigned char *out = malloc(size + 1);
    z_stream z;

    memset(&z, 0, sizeof(z));
    FUZZ_ASSERT(inflateInit2(&z, 15 + 16) == Z_OK);
    z.next_in = (Bytef *)c.data;
    z.avail_in = (uInt)c.len;
    z.next_out = out;
    z.avail_out = (uInt)size + 1;
    FUZZ_ASSERT(inflate(&z, Z_FINISH) == Z_STREAM_END);
    FUZZ_ASSERT(z.total_out == size && z.avail_in == 0);
    FUZZ_ASSERT(size == 0 || memcmp(out, data, size) == 0);
    inflateEnd(&z);
    free(out);
}

static void unbrotli_equals(webcast_bytes c, const uint8_t *data, size_t size)
{
    uint8_t *out = malloc(size + 1);
    size_t len = size + 1;

    FUZZ_ASSERT(BrotliDecoderDecompress(c.len, (const uint8_t *)c.data, &len,
                                        out) == BROTLI_DECODER_RESULT_SUCCESS);
    FUZZ_ASSERT(len == size);
    FUZZ_ASSERT(size == 0 || memcmp(out, data, size) == 0);
    free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    apr_pool_t *p = fuzz_pool();
    webcast_bytes gz = webcast_compress(p, WEBCAST_ENC_GZIP,
                                        (const char *)data, size);
    webcast_bytes br = webcast_compress(p, WEBCAST_ENC_BR,
                                        (const char *)data, size);

    FUZZ_ASSERT(gz.data != NULL && br.data != NULL);
    gunzip_equals(gz, data, size);
    unbrotli_equals(br, data, size);
    apr_pool_destroy(p);
    return 0;
}
