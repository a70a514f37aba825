package dev.tinyforge.search;

/** A search-result cache file that cannot be used; the message completes "the cache ... : ". */
public final class SearchCacheException extends Exception {
  public SearchCacheException(String message) {
    super(message);
  }
}
