package dev.tinyforge.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * One file in the IDX format of the MNIST database: magic {@code 0x00 0x00 type dims}, then
 * {@code dims} big-endian u32 sizes, then the values. Only unsigned bytes (type 0x08) are read,
 * which is what MNIST images (3 dimensions) and labels (1 dimension) use. Gzip-compressed files
 * ({@code .gz}) are read the same.
 */
public record IdxFile(Path path, int[] dims, byte[] values) {
  private static final int UNSIGNED_BYTE = 0x08;

  public static IdxFile read(Path path) throws DataSetException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      throw new DataSetException(path + " does not exist");
    } catch (IOException e) {
      throw new DataSetException("cannot read " + path + ": " + e.getMessage(), e);
    }
    if (raw.length >= 2 && (raw[0] & 0xFF) == 0x1F && (raw[1] & 0xFF) == 0x8B) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        raw = in.readAllBytes();
      } catch (IOException e) {
        throw new DataSetException(path + " is not a valid gzip file: " + e.getMessage(), e);
      }
    }
    return parse(path, raw);
  }

  static IdxFile parse(Path path, byte[] raw) throws DataSetException {
    if (raw.length < 4 || raw[0] != 0 || raw[1] != 0) {
      throw new DataSetException(path + " is not an IDX file (it must start with the bytes 0 0"
          + " type dimensions)");
    }
    int type = raw[2] & 0xFF;
    int dimensions = raw[3] & 0xFF;
    if (type != UNSIGNED_BYTE) {
      throw new DataSetException(String.format(java.util.Locale.ROOT,
          "%s holds IDX type 0x%02x; only unsigned bytes (0x08), as in MNIST, are read", path, type));
    }
    if (dimensions < 1 || dimensions > 4) {
      throw new DataSetException(path + " declares " + dimensions + " dimensions (1 to 4 expected)");
    }
    int header = 4 + 4 * dimensions;
    if (raw.length < header) {
      throw new DataSetException(path + " is truncated: its header needs " + header + " bytes, the"
          + " file has " + raw.length);
    }
    ByteBuffer buffer = ByteBuffer.wrap(raw).order(ByteOrder.BIG_ENDIAN);
    int[] dims = new int[dimensions];
    long count = 1;
    for (int d = 0; d < dimensions; d++) {
      dims[d] = buffer.getInt(4 + 4 * d);
      if (dims[d] < 1) {
        throw new DataSetException(path + ": dimension " + d + " is " + dims[d]);
      }
      count *= dims[d];
    }
    if (raw.length - header != count) {
      throw new DataSetException(path + " should hold " + count + " values after its header but"
          + " holds " + (raw.length - header) + (raw.length - header < count ? " (truncated)" : ""));
    }
    byte[] values = new byte[(int) count];
    System.arraycopy(raw, header, values, 0, values.length);
    return new IdxFile(path, dims, values);
  }
}
