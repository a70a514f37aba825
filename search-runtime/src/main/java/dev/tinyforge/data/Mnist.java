package dev.tinyforge.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * MNIST in its standard IDX files, as published by Y. LeCun et al.: a folder with
 * {@code train-images-idx3-ubyte}, {@code train-labels-idx1-ubyte}, {@code t10k-images-idx3-ubyte}
 * and {@code t10k-labels-idx1-ubyte}, each optionally gzipped ({@code .gz}). {@link #sha256()} is
 * a hash over the decoded images and labels, the data set's identity in a search cache.
 */
public record Mnist(Path folder, Digits train, Digits test, String sha256) {
  public static final int SIZE = 28;
  public static final int CLASSES = 10;
  static final List<String> FILES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
      "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");

  /** Reads the folder; every problem says which file and what is wrong. */
  public static Mnist load(Path folder) throws DataSetException {
    if (!Files.isDirectory(folder)) {
      throw new DataSetException("the MNIST folder " + folder + " does not exist; it must hold "
          + String.join(", ", FILES) + " (each may be gzipped, .gz)");
    }
    Path[] paths = new Path[FILES.size()];
    for (int i = 0; i < paths.length; i++) {
      paths[i] = find(folder, FILES.get(i));
    }
    Digits train = digits(paths[0], paths[1]);
    Digits test = digits(paths[2], paths[3]);
    return new Mnist(folder, train, test, hash(train, test));
  }

  private static Path find(Path folder, String name) throws DataSetException {
    for (String candidate : List.of(name, name + ".gz", name.replace("-idx", ".idx"),
        name.replace("-idx", ".idx") + ".gz")) {
      Path path = folder.resolve(candidate);
      if (Files.isRegularFile(path)) {
        return path;
      }
    }
    throw new DataSetException("the MNIST folder " + folder + " has no " + name + " (or "
        + name + ".gz)");
  }

  private static Digits digits(Path imagesPath, Path labelsPath) throws DataSetException {
    IdxFile images = IdxFile.read(imagesPath);
    IdxFile labels = IdxFile.read(labelsPath);
    if (images.dims().length != 3) {
      throw new DataSetException(imagesPath + " has " + images.dims().length
          + " dimensions; MNIST images have 3 (count, rows, columns)");
    }
    if (labels.dims().length != 1) {
      throw new DataSetException(labelsPath + " has " + labels.dims().length
          + " dimensions; MNIST labels have 1 (count)");
    }
    int count = images.dims()[0];
    int rows = images.dims()[1];
    int cols = images.dims()[2];
    if (rows != SIZE || cols != SIZE) {
      throw new DataSetException(imagesPath + " holds " + rows + "x" + cols + " images; MNIST"
          + " digits are " + SIZE + "x" + SIZE);
    }
    if (labels.dims()[0] != count) {
      throw new DataSetException(labelsPath + " has " + labels.dims()[0] + " labels but "
          + imagesPath + " has " + count + " images");
    }
    byte[][] pixels = new byte[count][SIZE * SIZE];
    for (int n = 0; n < count; n++) {
      System.arraycopy(images.values(), n * SIZE * SIZE, pixels[n], 0, SIZE * SIZE);
    }
    int[] classes = new int[count];
    for (int n = 0; n < count; n++) {
      classes[n] = labels.values()[n] & 0xFF;
      if (classes[n] >= CLASSES) {
        throw new DataSetException(labelsPath + ": label " + n + " is " + classes[n]
            + "; MNIST has the classes 0 to 9");
      }
    }
    return new Digits(SIZE, pixels, classes);
  }

  /** SHA-256 over the decoded images and labels: the same for gzipped and plain files. */
  private static String hash(Digits... sets) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      for (Digits set : sets) {
        for (byte[] image : set.images()) {
          digest.update(image);
        }
        for (int label : set.labels()) {
          digest.update((byte) label);
        }
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
