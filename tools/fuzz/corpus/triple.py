x = """multi
line
