package dev.tinyforge.tflite;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class TfliteImporterProblemsTest {
  @Test
  void printAll() throws Exception {
    for (Path folder : SharedModels.folders()) {
      Problems problems = new Problems();
      TfliteModel model = TfliteReader.read(folder.resolve("model.tflite"));
      TfliteImport result = TfliteImporter.importModel(model, "m", problems);
      System.out.println("== " + folder.getFileName() + " ok=" + result.succeeded());
      for (Problem p : problems.all()) {
        System.out.println("   " + p.text());
      }
    }
  }
}
