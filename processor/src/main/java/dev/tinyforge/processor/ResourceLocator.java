package dev.tinyforge.processor;

import java.io.IOException;
import java.io.InputStream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Finds a file that sits beside a model class: in its package on the source path (next to the
 * .java file), else on the class path (e.g. src/main/resources, copied before compilation). A
 * name that starts with {@code /} is relative to the roots of those paths instead.
 */
public final class ResourceLocator {
  private static final StandardLocation[] WHERE = {
    StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT, StandardLocation.CLASS_PATH
  };

  private final Filer filer;
  private final Elements elements;

  public ResourceLocator(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /** The file's bytes, or null when it is in none of the places. */
  public byte[] find(TypeElement owner, String name) {
    boolean fromRoot = name.startsWith("/");
    String packageName = fromRoot ? "" : packageName(owner);
    String relativeName = fromRoot ? name.substring(1) : name;
    for (StandardLocation location : WHERE) {
      try {
        FileObject file = filer.getResource(location, packageName, relativeName);
        try (InputStream in = file.openInputStream()) {
          return in.readAllBytes();
        }
      } catch (IOException | IllegalArgumentException e) {
        // Not in this location (or the location is not set): try the next one.
      }
    }
    return null;
  }

  /** Where {@link #find} looks, relative to a source or class path root: "app/model.tflite". */
  public String searchedPath(TypeElement owner, String name) {
    if (name.startsWith("/")) {
      return name.substring(1);
    }
    String packageName = packageName(owner);
    return packageName.isEmpty() ? name : packageName.replace('.', '/') + "/" + name;
  }

  /** The owner's package name, "" for the unnamed package. */
  public String packageOf(TypeElement owner) {
    return packageName(owner);
  }

  private String packageName(TypeElement owner) {
    PackageElement pkg = elements.getPackageOf(owner);
    return pkg.isUnnamed() ? "" : pkg.getQualifiedName().toString();
  }
}
