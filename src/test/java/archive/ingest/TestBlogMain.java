package archive.ingest;

import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Serves {@link TestBlog} until killed, for {@code bench/crawl.sh}: prints its address on the first
 * line. {@code --without-traps} serves the example alone.
 */
public final class TestBlogMain {

  private TestBlogMain() {}

  public static void main(String[] args) throws Exception {
    TestBlog blog = TestBlog.start(!List.of(args).contains("--without-traps"));
    System.out.println(blog.root());
    System.out.flush();
    new CountDownLatch(1).await();
  }
}
