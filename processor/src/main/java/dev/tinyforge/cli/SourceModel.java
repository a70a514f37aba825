package dev.tinyforge.cli;

import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.read.ModelDeclarationReader;
import dev.tinyforge.processor.source.SearchDeclaration;
import java.io.File;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Reads a model's {@code @TinyModel} and {@code @SearchSpace} from its source file with javac
 * itself ({@code -proc:only}, nothing written), through the same reader the annotation processor
 * uses: the command line and the build see one declaration.
 */
final class SourceModel {
  private SourceModel() {}

  /** The file is not a searched model, or does not compile far enough to tell. */
  static final class ModelException extends Exception {
    ModelException(String message) {
      super(message);
    }
  }

  static SearchDeclaration read(Path source) throws ModelException {
    if (!Files.isRegularFile(source)) {
      throw new ModelException("the model source " + source + " does not exist");
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new ModelException("reading --source needs a JDK (javac); run with a JDK's java");
    }
    List<SearchDeclaration> found = new ArrayList<>();
    List<String> notSearched = new ArrayList<>();
    AbstractProcessor reader = new AbstractProcessor() {
      @Override
      public Set<String> getSupportedAnnotationTypes() {
        return Set.of(ModelDeclarationReader.TINY_MODEL);
      }

      @Override
      public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
      }

      @Override
      public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement tinyModel = processingEnv.getElementUtils()
            .getTypeElement(ModelDeclarationReader.TINY_MODEL);
        if (tinyModel == null) {
          return false;
        }
        for (Element element : round.getElementsAnnotatedWith(tinyModel)) {
          TypeElement type = (TypeElement) element;
          ModelDeclaration model =
              new ModelDeclarationReader(processingEnv.getElementUtils()).read(type);
          if (!model.isSearched()) {
            notSearched.add(type.getSimpleName().toString());
            continue;
          }
          var pkg = processingEnv.getElementUtils().getPackageOf(type);
          SearchDeclaration declaration = SearchDeclaration.of(model,
              pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString());
          if (declaration == null) {
            notSearched.add(type.getSimpleName() + " (unknown task \""
                + model.search().stringValue("task") + "\"; known: " + SearchDeclaration.TASKS
                + ")");
          } else {
            found.add(declaration);
          }
        }
        return false;
      }
    };
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      List<String> options = List.of("-proc:only", "-implicit:none",
          "-classpath", System.getProperty("java.class.path"));
      JavaCompiler.CompilationTask task = javac.getTask(diagnostics, files, d -> {
        if (d.getKind() == javax.tools.Diagnostic.Kind.ERROR) {
          diagnostics.write(d.toString() + System.lineSeparator());
        }
      }, options, null, files.getJavaFileObjectsFromFiles(List.of(new File(source.toString()))));
      task.setProcessors(List.of(reader));
      task.call();
    } catch (java.io.IOException e) {
      throw new ModelException("cannot read " + source + ": " + e.getMessage());
    }
    if (found.size() == 1) {
      return found.get(0);
    }
    if (found.size() > 1) {
      throw new ModelException(source + " declares " + found.size() + " searched models; give a"
          + " file with one");
    }
    String why = !notSearched.isEmpty()
        ? "its @TinyModel " + String.join(", ", notSearched) + " has no usable @SearchSpace"
        : "it declares no @TinyModel class";
    String errors = diagnostics.toString().strip();
    throw new ModelException(source + " is not a searched model: " + why
        + (errors.isEmpty() ? "" : " (javac: " + errors.lines().findFirst().orElse("") + ")"));
  }
}
