package io.mesosevents.replay.export;

import com.github.luben.zstd.Zstd;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet page compression without Hadoop: Parquet's default codec factory loads Hadoop's codec
 * classes even for uncompressed pages, and Hadoop is not on the runtime class path. UNCOMPRESSED,
 * SNAPPY (snappy-java) and ZSTD (zstd-jni), both of which Kafka's client already brings.
 */
final class PlainCodecs implements CompressionCodecFactory {

    private static final int ZSTD_LEVEL = 3;

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return switch (codec) {
                    case SNAPPY -> BytesInput.from(Snappy.compress(bytes.toByteArray()));
                    case ZSTD -> BytesInput.from(Zstd.compress(bytes.toByteArray(), ZSTD_LEVEL));
                    default -> bytes;
                };
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        requireSupported(codec);
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return switch (codec) {
                    case SNAPPY -> BytesInput.from(Snappy.uncompress(bytes.toByteArray()));
                    case ZSTD -> BytesInput.from(Zstd.decompress(bytes.toByteArray(), uncompressedSize));
                    default -> bytes;
                };
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] compressed = new byte[compressedSize];
                input.get(compressed);
                output.put(decompress(BytesInput.from(compressed), uncompressedSize).toByteArray());
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static void requireSupported(CompressionCodecName codec) {
        if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY && codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("Parquet codec " + codec + " is not supported here: use UNCOMPRESSED, SNAPPY or ZSTD");
        }
    }
}
