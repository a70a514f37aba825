package dev.tinyforge.data;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistTest {
  static final Path MNIST = Path.of(System.getProperty("tinyforge.mnist", "../../shared/data/mnist"));

  @TempDir Path dir;

  @Test
  void readsTheSharedDigits() throws Exception {
    Mnist mnist = Mnist.load(MNIST);
    assertThat(mnist.train().count()).isEqualTo(8000);
    assertThat(mnist.test().count()).isEqualTo(2000);
    assertThat(mnist.train().size()).isEqualTo(28);
    assertThat(mnist.sha256()).hasLength(64);
    assertThat(Mnist.load(MNIST).sha256()).isEqualTo(mnist.sha256());
  }

  @Test
  void missingFolderAndFiles() throws Exception {
    DataSetException e = assertThrows(DataSetException.class, () -> Mnist.load(dir.resolve("no")));
    assertThat(e).hasMessageThat().contains("does not exist");
    write("train-images-idx3-ubyte", images(3, 28));
    e = assertThrows(DataSetException.class, () -> Mnist.load(dir));
    assertThat(e).hasMessageThat().contains("has no train-labels-idx1-ubyte");
  }

  @Test
  void malformedAndMismatchedFiles() throws Exception {
    write("train-images-idx3-ubyte", images(3, 28));
    write("train-labels-idx1-ubyte", labels(2));
    write("t10k-images-idx3-ubyte", images(1, 28));
    write("t10k-labels-idx1-ubyte", labels(1));
    assertThat(assertThrows(DataSetException.class, () -> Mnist.load(dir)))
        .hasMessageThat().contains("has 2 labels but");
    write("train-labels-idx1-ubyte", labels(3));
    write("t10k-images-idx3-ubyte", images(1, 20));
    assertThat(assertThrows(DataSetException.class, () -> Mnist.load(dir)))
        .hasMessageThat().contains("20x20 images; MNIST digits are 28x28");
    byte[] truncated = images(1, 28);
    write("t10k-images-idx3-ubyte", java.util.Arrays.copyOf(truncated, truncated.length - 5));
    assertThat(assertThrows(DataSetException.class, () -> Mnist.load(dir)))
        .hasMessageThat().contains("truncated");
    write("t10k-images-idx3-ubyte", new byte[] {'P', 'K', 3, 4});
    assertThat(assertThrows(DataSetException.class, () -> Mnist.load(dir)))
        .hasMessageThat().contains("is not an IDX file");
    write("t10k-images-idx3-ubyte", images(1, 28));
    assertThat(Mnist.load(dir).train().count()).isEqualTo(3);
  }

  @Test
  void resizeKeepsAConstantImageAndIsDeterministic() {
    byte[] grey = new byte[28 * 28];
    java.util.Arrays.fill(grey, (byte) 200);
    byte[] small = Images.resize(grey, 28, 20);
    for (byte b : small) {
      assertThat(b & 0xFF).isEqualTo(200);
    }
    assertThat(Images.resize(grey, 28, 28)).isEqualTo(grey);
  }

  private void write(String name, byte[] bytes) throws IOException {
    Files.write(dir.resolve(name), bytes);
  }

  static byte[] images(int count, int size) {
    ByteBuffer b = ByteBuffer.allocate(16 + count * size * size);
    b.putInt(0x00000803).putInt(count).putInt(size).putInt(size);
    return b.array();
  }

  static byte[] labels(int count) {
    ByteBuffer b = ByteBuffer.allocate(8 + count);
    b.putInt(0x00000801).putInt(count);
    return b.array();
  }
}
