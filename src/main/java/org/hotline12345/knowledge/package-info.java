/**
 * Knowledge base (知识库): articles the hotline answers from, searched in Chinese with Lucene or asked
 * of an external knowledge base, and the knowledge-gap process that has units fill in what it could
 * not answer (process {@code knowledgeGap}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Knowledge base")
package org.hotline12345.knowledge;
