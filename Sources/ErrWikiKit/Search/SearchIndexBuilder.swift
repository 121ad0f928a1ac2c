/// Serialises indexed articles into the `SearchIndex` file format.
enum SearchIndexBuilder {
    static func build(_ articles: [IndexedArticle], treeHash: UInt64, builtAt: Int64) -> [UInt8] {
        let articles = articles.sorted { $0.info.id < $1.info.id || ($0.info.id == $1.info.id && $0.info.relativePath < $1.info.relativePath) }

        // Inverted lists: term → [(article, weight)], articles in ascending order.
        var inverted: [String: [(Int, UInt32)]] = [:]
        for (index, article) in articles.enumerated() {
            for (term, weight) in article.termWeights { inverted[term, default: []].append((index, weight)) }
        }
        let sortedTerms = inverted.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

        var keyArticles: [String: Set<Int>] = [:]
        for (index, article) in articles.enumerated() {
            for text in [article.info.id] + article.info.codes {
                let key = Tokenizer.key(text)
                if !key.isEmpty { keyArticles[key, default: []].insert(index) }
            }
        }
        let sortedKeys = keyArticles.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }

        let tables: [[[UInt8]]] = [
            articles.map { article in
                var writer = ByteWriter()
                IndexedRecord(info: article.info, stamp: article.stamp).write(&writer)
                return writer.bytes
            },
            sortedTerms.map { Array($0.utf8) },
            sortedTerms.map { term in
                var writer = ByteWriter()
                let list = inverted[term]!
                writer.varint(UInt64(list.count))
                var previous = 0
                for (article, weight) in list {
                    writer.varint(UInt64(article - previous))
                    writer.varint(UInt64(weight))
                    previous = article
                }
                return writer.bytes
            },
            sortedKeys.map { Array($0.utf8) },
            sortedKeys.map { key in
                var writer = ByteWriter()
                var previous = 0
                for article in keyArticles[key]!.sorted() {
                    writer.varint(UInt64(article - previous))
                    previous = article
                }
                return writer.bytes
            },
        ]

        // Header size: magic 8, version 4, tree hash 8, built at 8, file size 8, length sum 8, lengths offset 8, 5 × (8 + 4).
        let headerSize = 8 + 4 + 8 + 8 + 8 + 8 + 8 + 5 * 12
        var body = ByteWriter()
        var tablePositions: [(Int, Int)] = []
        for entries in tables {
            tablePositions.append((headerSize + body.bytes.count, entries.count))
            var offset: UInt32 = 0
            body.u32(0)
            for entry in entries {
                offset += UInt32(entry.count)
                body.u32(offset)
            }
            for entry in entries { body.append(entry) }
        }
        let lengthsOffset = headerSize + body.bytes.count
        for article in articles { body.u32(article.length) }

        var header = ByteWriter()
        for byte in SearchIndex.magic { header.u8(byte) }
        header.u32(SearchIndex.formatVersion)
        header.u64(treeHash)
        header.u64(UInt64(bitPattern: builtAt))
        header.u64(UInt64(headerSize + body.bytes.count))
        header.u64(articles.reduce(0) { $0 + UInt64($1.length) })
        header.u64(UInt64(lengthsOffset))
        for (start, count) in tablePositions {
            header.u64(UInt64(start))
            header.u32(UInt32(count))
        }
        assert(header.bytes.count == headerSize)
        return header.bytes + body.bytes
    }
}
