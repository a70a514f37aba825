package dev.tinyforge.engine;

import dev.tinyforge.kernels.AddParams;
import dev.tinyforge.kernels.Dims;
import dev.tinyforge.kernels.Requant;
import dev.tinyforge.kernels.SoftmaxParams;
import dev.tinyforge.kernels.Window;

/**
 * One kernel call of the engine with everything decided: arena offsets, shapes, and the
 * requantization constants TF Lite Micro would compute in Prepare. The C emitter and the Java
 * mirror writer turn the same steps into code, which is why they agree to the bit.
 */
public sealed interface Step {
  /** The layer this call computes. */
  String layer();

  /** Family of the kernel, which also names the c-runtime file that implements it. */
  Kernel kernel();

  record Conv(String layer, int in, Dims inDims, int out, Dims outDims, Window window,
      Requant requant, byte[] filter, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.CONV2D;
    }
  }

  record Depthwise(String layer, int in, Dims inDims, int out, Dims outDims, int depthMultiplier,
      Window window, Requant requant, byte[] filter, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.DEPTHWISE_CONV2D;
    }
  }

  record FullyConnected(String layer, int in, int inDepth, int out, int outDepth,
      Requant requant, byte[] weights, int[] bias) implements Step {
    public Kernel kernel() {
      return Kernel.FULLY_CONNECTED;
    }
  }

  record Pool(String layer, boolean max, int in, Dims inDims, int out, Dims outDims,
      Window window, int actMin, int actMax) implements Step {
    public Kernel kernel() {
      return max ? Kernel.MAX_POOL : Kernel.AVG_POOL;
    }
  }

  record Add(String layer, int in1, int in2, int out, int size, AddParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.ADD;
    }
  }

  record Softmax(String layer, int in, int out, int rows, int depth, SoftmaxParams params)
      implements Step {
    public Kernel kernel() {
      return Kernel.SOFTMAX;
    }
  }
}
