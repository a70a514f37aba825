package dev.tinyforge.processor;

import com.google.auto.service.AutoService;
import dev.tinyforge.diag.Locus;
import dev.tinyforge.diag.Message;
import dev.tinyforge.diag.Problem;
import dev.tinyforge.diag.Problems;
import dev.tinyforge.emit.GeneratedFile;
import dev.tinyforge.emit.c.CEngineEmitter;
import dev.tinyforge.emit.c.CRuntimeSources;
import dev.tinyforge.emit.java.MirrorWriter;
import dev.tinyforge.emit.report.ReportWriter;
import dev.tinyforge.engine.Engine;
import dev.tinyforge.processor.diag.DiagnosticPrinter;
import dev.tinyforge.processor.read.ModelDeclaration;
import dev.tinyforge.processor.read.ModelDeclarationReader;
import dev.tinyforge.processor.source.SearchSource;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.StandardLocation;

/**
 * Compiles every {@code @TinyModel} class into a C engine folder, a Java mirror and a report.
 * Each model stands alone: one with errors gets no files, the others still do. Files are
 * rendered in memory first and written only when the whole model succeeded.
 */
@AutoService(Processor.class)
public final class TinyModelProcessor extends AbstractProcessor {
  /** Firmware folders go under this path of the generated-sources output. */
  public static final String FIRMWARE_ROOT = "tinyforge/";

  /**
   * Model classes by C name in lower case: names that differ only in case would share a folder
   * on case-insensitive file systems and their header guards and macros everywhere.
   */
  private final Map<String, String> modelsByCName = new HashMap<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ModelDeclarationReader.TINY_MODEL);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(EngineStage.PATCH_OPTION, SearchSource.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    TypeElement tinyModel =
        processingEnv.getElementUtils().getTypeElement(ModelDeclarationReader.TINY_MODEL);
    if (tinyModel == null) {
      return false;
    }
    List<TypeElement> models = new ArrayList<>();
    for (Element element : round.getElementsAnnotatedWith(tinyModel)) {
      if (element.getKind() == ElementKind.CLASS) {
        models.add((TypeElement) element);
      } else {
        // Records, interfaces and enums have no layer fields to run: say so rather than skip.
        new DiagnosticPrinter(processingEnv.getMessager()).printOn(element,
            Problem.error(Locus.model(""), Message.NOT_A_CLASS, element.getSimpleName(),
                element.getKind().toString().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    // Sorted, so diagnostics and outputs do not depend on the compiler's order.
    models.sort(Comparator.comparing(t -> t.getQualifiedName().toString()));
    for (TypeElement model : models) {
      processModel(model);
    }
    return false;
  }

  private void processModel(TypeElement type) {
    DiagnosticPrinter printer = new DiagnosticPrinter(processingEnv.getMessager());
    Problems problems = new Problems();
    ModelDeclaration model = null;
    try {
      model = new ModelDeclarationReader(processingEnv.getElementUtils()).read(type);
      ModelCompiler compiler = new ModelCompiler(new ResourceLocator(processingEnv.getFiler(),
          processingEnv.getElementUtils()),
          processingEnv.getOptions().get(EngineStage.PATCH_OPTION),
          SearchSource.STAGE1.equals(processingEnv.getOptions().get(SearchSource.OPTION)));
      Engine engine = compiler.compile(model, problems);
      if (engine != null) {
        claimName(model, problems);
      }
      for (Problem problem : problems.all()) {
        printer.print(model, problem);
      }
      if (engine == null || problems.hasErrors()) {
        return;
      }
      write(type, render(type, engine));
    } catch (RuntimeException | IOException e) {
      Problem internal = Problem.error(Locus.model(""), Message.INTERNAL, e.toString());
      if (model != null) {
        printer.print(model, internal);
      } else {
        printer.printOn(type, internal);
      }
    }
  }


  private void claimName(ModelDeclaration model, Problems problems) {
    String owner = model.type().getQualifiedName().toString();
    String previous =
        modelsByCName.putIfAbsent(model.cName().toLowerCase(Locale.ROOT), owner);
    if (previous != null && !previous.equals(owner)) {
      problems.error(Locus.model("name"), Message.DUPLICATE_NAME, model.cName(), previous);
    }
  }

  private List<GeneratedFile> render(TypeElement type, Engine engine) {
    List<GeneratedFile> files = new ArrayList<>();
    files.addAll(new CEngineEmitter(new CRuntimeSources(getClass().getClassLoader()))
        .emit(engine));
    files.add(ReportWriter.write(engine));
    String packageName = processingEnv.getElementUtils().getPackageOf(type).isUnnamed()
        ? "" : processingEnv.getElementUtils().getPackageOf(type).getQualifiedName().toString();
    files.addAll(MirrorWriter.write(packageName, type.getSimpleName() + "Mirror", engine));
    return files;
  }

  private void write(TypeElement origin, List<GeneratedFile> files) throws IOException {
    var filer = processingEnv.getFiler();
    for (GeneratedFile file : files) {
      switch (file.kind()) {
        case JAVA_SOURCE -> {
          try (Writer out = filer.createSourceFile(file.path(), origin).openWriter()) {
            out.write(new String(file.content(), StandardCharsets.UTF_8));
          }
        }
        case FIRMWARE -> {
          try (OutputStream out = filer.createResource(StandardLocation.SOURCE_OUTPUT, "",
              FIRMWARE_ROOT + file.path(), origin).openOutputStream()) {
            out.write(file.content());
          }
        }
        case CLASS_RESOURCE -> {
          try (OutputStream out = filer.createResource(StandardLocation.CLASS_OUTPUT, "",
              file.path(), origin).openOutputStream()) {
            out.write(file.content());
          }
        }
      }
    }
    processingEnv.getMessager().printMessage(Diagnostic.Kind.NOTE,
        "TinyForge: wrote " + files.size() + " files for " + origin.getSimpleName(), origin);
  }
}
