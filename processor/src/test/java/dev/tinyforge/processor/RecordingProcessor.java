package dev.tinyforge.processor;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;

/**
 * Runs a processor and records every file it asks the {@link Filer} to create, as
 * {@code /LOCATION/path}. compile-testing shows no generated files of a failed compilation; the
 * record does, so tests can check that a bad model got no file even when another one did.
 */
final class RecordingProcessor extends AbstractProcessor {
  private final Processor delegate;
  private final List<String> created = new ArrayList<>();

  RecordingProcessor(Processor delegate) {
    this.delegate = delegate;
  }

  /** The files created so far, in the order the processor created them. */
  List<String> created() {
    return List.copyOf(created);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    delegate.init(new RecordingEnvironment(env, new RecordingFiler(env.getFiler())));
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return delegate.getSupportedAnnotationTypes();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return delegate.getSupportedOptions();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return delegate.getSupportedSourceVersion();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    return delegate.process(annotations, round);
  }

  private final class RecordingFiler implements Filer {
    private final Filer filer;

    RecordingFiler(Filer filer) {
      this.filer = filer;
    }

    @Override
    public JavaFileObject createSourceFile(CharSequence name, Element... originating)
        throws IOException {
      created.add("/SOURCE_OUTPUT/" + name.toString().replace('.', '/') + ".java");
      return filer.createSourceFile(name, originating);
    }

    @Override
    public JavaFileObject createClassFile(CharSequence name, Element... originating)
        throws IOException {
      created.add("/CLASS_OUTPUT/" + name.toString().replace('.', '/') + ".class");
      return filer.createClassFile(name, originating);
    }

    @Override
    public FileObject createResource(JavaFileManager.Location location, CharSequence pkg,
        CharSequence relativeName, Element... originating) throws IOException {
      created.add(path(location, pkg, relativeName));
      return filer.createResource(location, pkg, relativeName, originating);
    }

    @Override
    public FileObject getResource(JavaFileManager.Location location, CharSequence pkg,
        CharSequence relativeName) throws IOException {
      return filer.getResource(location, pkg, relativeName);
    }

    private String path(JavaFileManager.Location location, CharSequence pkg,
        CharSequence relativeName) {
      String dir = pkg.length() == 0 ? "" : pkg.toString().replace('.', '/') + "/";
      return "/" + location.getName().toUpperCase(Locale.ROOT) + "/" + dir + relativeName;
    }
  }

  private static final class RecordingEnvironment implements ProcessingEnvironment {
    private final ProcessingEnvironment env;
    private final Filer filer;

    RecordingEnvironment(ProcessingEnvironment env, Filer filer) {
      this.env = env;
      this.filer = filer;
    }

    @Override
    public Map<String, String> getOptions() {
      return env.getOptions();
    }

    @Override
    public Messager getMessager() {
      return env.getMessager();
    }

    @Override
    public Filer getFiler() {
      return filer;
    }

    @Override
    public Elements getElementUtils() {
      return env.getElementUtils();
    }

    @Override
    public Types getTypeUtils() {
      return env.getTypeUtils();
    }

    @Override
    public SourceVersion getSourceVersion() {
      return env.getSourceVersion();
    }

    @Override
    public Locale getLocale() {
      return env.getLocale();
    }

    @Override
    public boolean isPreviewEnabled() {
      return env.isPreviewEnabled();
    }
  }
}
